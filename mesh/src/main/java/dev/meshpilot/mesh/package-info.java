/**
 * The mesh: its model, the store, workspace loading, OpenLineage and alert ingest and the lineage graph.
 * Knows nothing of tools, agents or HTTP.
 */
package dev.meshpilot.mesh;
