package dev.meshpilot.mesh.view;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.incident.ErrorClass;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.incident.Severity;
import java.time.Instant;

/**
 * The one JSON view of an incident: what the tool {@code get_incident}, the MCP resource
 * {@code mesh://incidents/{id}} and {@code meshpilot incident ID --format json} return. {@code severity} and
 * {@code errorClass} are the wire names of {@link Severity} and {@link ErrorClass} (kept as text: history may
 * hold others). A wire format: new fields go at the end.
 */
public record IncidentView(
        @JsonPropertyDescription("Incident id.") String id,
        @FreeText @JsonPropertyDescription("Title.") String title,

        @Nullable @JsonPropertyDescription("Affected product.")
        String product,

        @JsonPropertyDescription("open or resolved.") String status,

        @Nullable @JsonPropertyDescription("SEV1..SEV4 if assessed.")
        String severity,

        @Nullable
        @JsonPropertyDescription("Error class if classified: schema_mismatch, upstream_late, duplicate_keys, "
                + "null_explosion, infrastructure, permissions or unknown.")
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

        @JsonPropertyDescription("Events attached to it.") int eventCount,

        @Nullable
        @JsonPropertyDescription("What repeats of the same failure share (run_failed:<product>, "
                + "quality_failed:<product>:<assertion>, alert:<alertname>:<product>), or null.")
        String fingerprint) {

    /** The view of {@code i}. */
    public static IncidentView of(Incident i) {
        return new IncidentView(
                i.id(),
                i.title(),
                i.productId(),
                i.status(),
                i.severity(),
                i.errorClass(),
                i.description(),
                i.rootCause(),
                i.resolution(),
                i.source(),
                i.openedAt(),
                i.updatedAt(),
                i.resolvedAt(),
                i.eventCount(),
                i.fingerprint());
    }
}
