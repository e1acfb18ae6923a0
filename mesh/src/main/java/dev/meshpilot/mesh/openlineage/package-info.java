/**
 * OpenLineage in: parsing and validating RunEvents (spec 2-0-2) into typed records, reading event files
 * ({@code .json}, {@code .ndjson}), and ingesting events into the store (jobs, datasets, runs, lineage edges,
 * column lineage, metric points, quality results, and incidents for failed runs and failed assertions).
 *
 * <p>Entry points: {@link dev.meshpilot.mesh.openlineage.RunEventParser} and
 * {@link dev.meshpilot.mesh.openlineage.RunEventFiles} to read, {@link dev.meshpilot.mesh.openlineage.LineageIngestor}
 * to write within a caller's transaction, {@link dev.meshpilot.mesh.openlineage.BatchingIngestor} for the HTTP
 * endpoint (group commit). What is accepted and stored where is described in {@code docs/openlineage.md}.
 */
package dev.meshpilot.mesh.openlineage;
