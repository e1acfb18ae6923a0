package dev.meshpilot.tools.lineage;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;

/** A descendant product. */
public record DownstreamHop(
        @JsonPropertyDescription("The product.") String product,

        @JsonPropertyDescription("Hops from the start product.")
        int depth,

        @Nullable @JsonPropertyDescription("The nearer product it is reached through.")
        String via,

        @JsonPropertyDescription("Its domain.") String domain,

        @Nullable @JsonPropertyDescription("Its criticality.")
        String criticality,

        @Nullable @JsonPropertyDescription("Its owning team.")
        String owner)
        implements LineageView.Hop {}
