package dev.meshpilot.agents.anomalies;

import dev.meshpilot.agents.anomalies.AnomaliesReport.Anomaly;
import dev.meshpilot.mesh.view.IncidentView;
import java.time.Duration;
import java.util.Set;

/**
 * When an incident bears on a product's anomaly: a resolved one explains it when the anomaly began while the
 * incident was open (two hours either side); an open one on the root links when it opened before the anomaly or up to two days after, and one on an echo when
 * it opened within two days of the echo's anomaly and is about the same kind of trouble (run timing, or the
 * data itself).
 */
final class Incidents {
    static final Duration SLACK = Duration.ofHours(2);
    private static final Set<String> TIMING_CLASSES = Set.of("upstream_late", "infrastructure", "permissions");
    private static final Set<String> DATA_CLASSES = Set.of("null_explosion", "duplicate_keys", "schema_mismatch");

    private Incidents() {}

    static boolean covers(IncidentView i, Anomaly a) {
        return i.resolvedAt() != null
                && !a.since().isBefore(i.openedAt().minus(SLACK))
                && !a.since().isAfter(i.resolvedAt().plus(SLACK));
    }

    /** An open incident on the root's product: opened before its anomaly began or up to two days after. */
    static boolean open(IncidentView i, Anomaly a) {
        return !i.openedAt().isAfter(a.since().plus(Duration.ofDays(2)));
    }

    /** An open incident on an echo's product is about its anomaly: opened within two days of it, same kind. */
    static boolean about(IncidentView i, Anomaly a) {
        return !i.openedAt().isBefore(a.since().minus(SLACK))
                && !i.openedAt().isAfter(a.since().plus(Duration.ofDays(2)))
                && sameKind(i, a);
    }

    static boolean sameKind(IncidentView i, Anomaly a) {
        String fingerprint = i.fingerprint() == null ? "" : i.fingerprint();
        String cls = i.errorClass() == null ? "unknown" : i.errorClass();
        boolean timing = fingerprint.startsWith("run_failed") || TIMING_CLASSES.contains(cls);
        boolean data = fingerprint.startsWith("quality_failed") || DATA_CLASSES.contains(cls);
        if (!timing && !data) {
            return true;
        }
        return a.family().equals("timing") ? timing : data;
    }
}
