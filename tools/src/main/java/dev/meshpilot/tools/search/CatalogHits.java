package dev.meshpilot.tools.search;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.FreeText;
import dev.meshpilot.mesh.view.Nullable;
import java.util.List;

/** The result of {@code search_catalog}: the hits the caller may read, best first. */
public record CatalogHits(
        @JsonPropertyDescription("The query.") String query,
        @JsonPropertyDescription("Best first.") List<Hit> hits) {
    public CatalogHits {
        hits = List.copyOf(hits);
    }

    /** A product, contract, runbook or incident that matches. */
    public record Hit(
            @JsonPropertyDescription("Id of the product, contract, runbook or incident.")
            String id,

            @JsonPropertyDescription("product, contract, runbook or incident.")
            String type,

            @Nullable @JsonPropertyDescription("Its domain.")
            String domain,

            @FreeText @JsonPropertyDescription("Its name or title.")
            String title,

            @FreeText @JsonPropertyDescription("A short excerpt.")
            String snippet,

            @JsonPropertyDescription("Fused rank score; higher is better.")
            double score) {}
}
