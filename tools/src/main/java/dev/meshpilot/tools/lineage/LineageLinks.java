package dev.meshpilot.tools.lineage;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;
import java.util.List;

/** The result of {@code lineage_links}: which of the given products lie upstream of which, and how far. */
public record LineageLinks(
        @JsonPropertyDescription("Upstream-downstream pairs among the given products.")
        List<Link> links,

        @JsonPropertyDescription("How many pairs in all (all pages).")
        int total,

        @JsonPropertyDescription("How many this page holds.")
        int returned,

        @Nullable @JsonPropertyDescription("Pass as cursor for the next page; null on the last.")
        String nextCursor) {
    public LineageLinks {
        links = List.copyOf(links);
    }

    /** {@code upstream} feeds {@code downstream}, {@code hops} product hops away (the shortest path). */
    public record Link(
            @JsonPropertyDescription("The upstream product.")
            String upstream,

            @JsonPropertyDescription("The downstream product.")
            String downstream,

            @JsonPropertyDescription("Product hops between them.")
            int hops) {}
}
