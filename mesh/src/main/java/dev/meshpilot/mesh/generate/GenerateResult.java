package dev.meshpilot.mesh.generate;

/**
 * What {@link WorkspaceGenerator#generate} wrote: the number of data products and contracts, OpenLineage
 * run events, distinct job-level lineage edges (one {@code dataset → job} edge per input of a product's
 * job and one {@code job → dataset} edge for its output port; the same every day, so counted once), files
 * and bytes.
 */
public record GenerateResult(long products, long contracts, long events, long lineageEdges, long files, long bytes) {
    public GenerateResult {
        if (products < 0 || contracts < 0 || events < 0 || lineageEdges < 0 || files < 0 || bytes < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
