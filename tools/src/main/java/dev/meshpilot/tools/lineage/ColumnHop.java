package dev.meshpilot.tools.lineage;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.FreeText;
import dev.meshpilot.mesh.view.Nullable;

/** A column reached through column-level lineage. */
public record ColumnHop(
        @Nullable @JsonPropertyDescription("The product the column belongs to, if any.")
        String product,

        @JsonPropertyDescription("namespace/name of its dataset.")
        String dataset,

        @JsonPropertyDescription("The column.") String column,

        @JsonPropertyDescription("Hops from the start column.")
        int depth,

        @Nullable @JsonPropertyDescription("The nearer column it is reached through.")
        String via,

        @FreeText @JsonPropertyDescription("How it is derived (free text from the events).")
        String transformation)
        implements LineageView.Hop {}
