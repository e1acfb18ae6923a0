/**
 * Lineage: datasets and jobs from OpenLineage events, lifted to products through their output ports.
 *
 * <p>{@link dev.meshpilot.mesh.lineage.LineageGraph} holds the whole lineage in memory (products, ports, job
 * edges, column lineage) and answers product- and column-level closures; {@code apply} keeps it current as
 * events arrive, {@code reload} after a workspace load. {@link dev.meshpilot.mesh.lineage.UpstreamHealth}
 * finds the earliest failing or late ancestor of a product for triage.
 * {@link dev.meshpilot.mesh.lineage.ProductLineage} walks the store with one query a product, for one-shot
 * commands that should not build the graph. See {@code docs/lineage.md}.
 */
package dev.meshpilot.mesh.lineage;
