package dev.meshpilot.tools.incidents;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.tools.support.FreeText;
import dev.meshpilot.tools.support.Nullable;
import java.time.Instant;

/** The result of {@code get_incident}: one incident as recorded. */
public record IncidentView(
        @JsonPropertyDescription("Incident id.") String id,
        @FreeText @JsonPropertyDescription("Title.") String title,

        @Nullable @JsonPropertyDescription("Affected product.")
        String product,

        @JsonPropertyDescription("open or resolved.") String status,

        @Nullable @JsonPropertyDescription("SEV1..SEV4 if assessed.")
        String severity,

        @Nullable @JsonPropertyDescription("Error class if classified.")
        String errorClass,

        @FreeText @JsonPropertyDescription("What was observed (free text).")
        String description,

        @FreeText @JsonPropertyDescription("Root cause, once known.")
        String rootCause,

        @FreeText @JsonPropertyDescription("How it was resolved.")
        String resolution,

        @JsonPropertyDescription("What opened it.") String source,
        @JsonPropertyDescription("When it was opened.") Instant openedAt,
        @Nullable @JsonPropertyDescription("Last update.") Instant updatedAt,

        @Nullable @JsonPropertyDescription("When it was resolved.")
        Instant resolvedAt,

        @JsonPropertyDescription("Events attached to it.") int eventCount) {}
