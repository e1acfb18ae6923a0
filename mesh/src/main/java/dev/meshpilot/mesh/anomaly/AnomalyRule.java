package dev.meshpilot.mesh.anomaly;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One declaration of {@code anomalies.yaml}: {@code settings} (detector settings for the whole mesh, a
 * product, or a metric of it), {@code exclusion} (a window whose points neither train nor alert) or feedback
 * on an anomaly, {@code expected} or {@code fixed} (its window leaves the training data and does not alert
 * again; after an {@code expected} level shift the new level is normal) or {@code acknowledged} (a level shift:
 * from the window on the new level trains and is normal). A null product means every product; a null metric every metric. Windows are [from, to).
 */
public record AnomalyRule(
        String kind,
        String product,
        String metric,
        Instant from,
        Instant to,
        String reason,
        Map<String, String> settings) {
    public static final Set<String> KINDS = Set.of("settings", "exclusion", "expected", "fixed", "acknowledged");
    /** The settings a rule may set, as docs/agents.md ("Anomalies") names them. */
    public static final Set<String> SETTINGS = Set.of(
            "scoring",
            "threshold",
            "trainingPoints",
            "minTraining",
            "direction",
            "minChange",
            "absoluteThreshold",
            "seasonality",
            "levelShiftPoints",
            "alertBudget");

    public AnomalyRule {
        Objects.requireNonNull(kind, "kind");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + KINDS + ": " + kind);
        }
    }

    /** Whether the rule applies to {@code productId}. */
    public boolean appliesTo(String productId) {
        return product == null || product.equals(productId);
    }
}
