/**
 * A synthetic mesh generator: {@link dev.meshpilot.mesh.generate.WorkspaceGenerator} writes a complete,
 * valid workspace (see {@code docs/workspace.md}) of any size from a {@link
 * dev.meshpilot.mesh.generate.GeneratorSpec}: teams, principals and roles, domains, data products with
 * ports and SLOs, one ODCS v3.1.0 contract per product, policies, runbooks, past incidents, observed
 * grants, and a stream of OpenLineage 2-0-2 run events whose inputs and outputs form a lineage DAG.
 *
 * <p>Output is a pure function of the spec: the same spec writes the same bytes. Events are streamed to
 * one NDJSON file per day, so memory grows with the number of products and lineage edges, never with the
 * number of events. Everything but the public entry point, spec and result is package-private.
 */
package dev.meshpilot.mesh.generate;
