package dev.meshpilot.mesh.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * What became of one alert of a notification.
 *
 * @param index the alert's position in the notification's {@code alerts}
 * @param alertname the alert's name
 * @param fingerprint Alertmanager's fingerprint of the alert
 * @param status firing or resolved
 * @param outcome what was done
 * @param incidentId the incident opened, updated or noted, or {@code null}
 * @param productId the product the alert maps to, or {@code null} (unmapped, or not looked up for a duplicate)
 * @param mappedBy the label that mapped it: {@code product}, {@code dataset}, {@code job}, or {@code null}
 * @param errorClass the incident's error class as the alert gives or suggests it, or {@code null} (not firing)
 * @param notes why the alert maps to no product, or why rules were skipped
 */
public record AlertOutcome(
        int index,
        String alertname,
        String fingerprint,
        AlertStatus status,
        Kind outcome,
        String incidentId,
        String productId,
        String mappedBy,
        String errorClass,
        List<String> notes) {
    /** What was done with an alert. */
    public enum Kind {
        /** A firing alert opened a new incident. */
        OPENED,
        /** A firing alert counted on the open incident with its fingerprint ({@code event_count + 1}). */
        UPDATED,
        /** A resolved alert was noted on its open incident, which stays open. */
        RESOLVED_NOTED,
        /** A resolved alert with no open incident: recorded, nothing else. */
        RESOLVED_WITHOUT_INCIDENT,
        /** Seen before (same fingerprint, start and status): nothing changed. */
        DUPLICATE;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AlertOutcome {
        notes = List.copyOf(notes);
    }

    /** Whether the alert was taken (not a duplicate) and maps to no product. */
    public boolean unmapped() {
        return outcome != Kind.DUPLICATE && productId == null;
    }
}
