/**
 * Hybrid search over the mesh: one Lucene index of products, contracts, runbooks and incidents, each with
 * BM25 text fields and a 384-d vector from a local embedding model (all-MiniLM-L6-v2 on ONNX Runtime),
 * fused by reciprocal rank fusion and filtered by type and domain. No network at run time.
 *
 * <p>Entry point: {@link dev.meshpilot.mesh.search.SearchIndex}. How it works, and its benchmarks, are in
 * {@code docs/search.md}.
 */
package dev.meshpilot.mesh.search;
