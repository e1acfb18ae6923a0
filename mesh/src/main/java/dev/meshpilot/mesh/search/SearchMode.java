package dev.meshpilot.mesh.search;

/**
 * How a query is ranked: by BM25 over the text fields alone, by vector similarity alone, or both lists
 * fused by reciprocal rank fusion ({@link #HYBRID}, the default everywhere).
 */
public enum SearchMode {
    BM25,
    VECTOR,
    HYBRID
}
