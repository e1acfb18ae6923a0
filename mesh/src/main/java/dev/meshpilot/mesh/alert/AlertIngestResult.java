package dev.meshpilot.mesh.alert;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * What one notification did: the answer of {@code POST /api/v1/alerts/alertmanager}.
 *
 * @param received the alerts in the notification
 * @param duplicates those seen before, which changed nothing
 * @param incidentsOpened ids of the incidents opened, in order
 * @param incidentsUpdated ids of the open incidents a firing alert counted on
 * @param incidentsNoted ids of the open incidents a resolved alert was noted on
 * @param unmapped the alerts that map to no product (their incidents have no product)
 * @param truncatedAlerts alerts Alertmanager left out of the notification ({@code max_alerts}), never seen
 * @param alerts every alert's outcome, in order
 */
public record AlertIngestResult(
        int received,
        int duplicates,
        List<String> incidentsOpened,
        List<String> incidentsUpdated,
        List<String> incidentsNoted,
        List<AlertOutcome> unmapped,
        long truncatedAlerts,
        List<AlertOutcome> alerts) {
    public AlertIngestResult {
        incidentsOpened = List.copyOf(incidentsOpened);
        incidentsUpdated = List.copyOf(incidentsUpdated);
        incidentsNoted = List.copyOf(incidentsNoted);
        unmapped = List.copyOf(unmapped);
        alerts = List.copyOf(alerts);
    }

    static AlertIngestResult of(List<AlertOutcome> alerts, long truncatedAlerts) {
        return new AlertIngestResult(
                alerts.size(),
                (int) alerts.stream()
                        .filter(a -> a.outcome() == AlertOutcome.Kind.DUPLICATE)
                        .count(),
                ids(alerts, a -> a.outcome() == AlertOutcome.Kind.OPENED),
                ids(alerts, a -> a.outcome() == AlertOutcome.Kind.UPDATED),
                ids(alerts, a -> a.outcome() == AlertOutcome.Kind.RESOLVED_NOTED),
                alerts.stream().filter(AlertOutcome::unmapped).toList(),
                truncatedAlerts,
                alerts);
    }

    private static List<String> ids(List<AlertOutcome> alerts, Predicate<AlertOutcome> which) {
        return List.copyOf(new LinkedHashSet<>(
                alerts.stream().filter(which).map(AlertOutcome::incidentId).toList()));
    }
}
