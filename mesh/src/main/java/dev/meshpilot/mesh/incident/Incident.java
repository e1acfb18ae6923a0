package dev.meshpilot.mesh.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * An incident on a product. Incidents opened by events and alerts carry a {@code fingerprint}
 * ({@code run_failed:<product>}, {@code quality_failed:<product>:<assertion>}, {@code alert:<alertname>:<product>})
 * so repeats update the open incident instead of opening new ones; {@code eventCount} counts them.
 */
public record Incident(
        String id,
        String title,
        String productId,
        String status,
        String severity,
        String errorClass,
        String description,
        String rootCause,
        String resolution,
        String fingerprint,
        String source,
        Instant openedAt,
        Instant updatedAt,
        Instant resolvedAt,
        int eventCount) {
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    public boolean isOpen() {
        return "open".equals(status);
    }

    /** The number in {@code INC-<number>}. */
    public static int number(String id) {
        return Integer.parseInt(id.substring(id.indexOf('-') + 1));
    }
}
