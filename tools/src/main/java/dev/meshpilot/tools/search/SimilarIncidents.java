package dev.meshpilot.tools.search;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.FreeText;
import dev.meshpilot.mesh.view.Nullable;
import java.time.Instant;
import java.util.List;

/** The result of {@code similar_incidents}: past incidents like the given one, most similar first. */
public record SimilarIncidents(
        @JsonPropertyDescription("Most similar first.") List<Match> incidents) {
    public SimilarIncidents {
        incidents = List.copyOf(incidents);
    }

    /** A past incident and how alike it is. */
    public record Match(
            @JsonPropertyDescription("Incident id.") String id,
            @FreeText @JsonPropertyDescription("Title.") String title,

            @Nullable @JsonPropertyDescription("Affected product.")
            String product,

            @JsonPropertyDescription("open or resolved.") String status,

            @Nullable @JsonPropertyDescription("Error class.")
            String errorClass,

            @JsonPropertyDescription("When it was opened.") Instant openedAt,

            @FreeText @JsonPropertyDescription("Root cause, once known.")
            String rootCause,

            @FreeText @JsonPropertyDescription("How it was resolved.")
            String resolution,

            @JsonPropertyDescription("Same product as the given one.")
            boolean sameProduct,

            @JsonPropertyDescription("Same error class as the given one.")
            boolean sameErrorClass,

            @JsonPropertyDescription("Similarity; higher is closer.")
            double score) {}
}
