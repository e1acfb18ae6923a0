package dev.meshpilot.agents.anomalies;

import dev.meshpilot.agents.anomalies.AnomaliesReport.Anomaly;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Group;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The report's one-paragraph summary and the words for one anomaly. */
final class Summary {
    private Summary() {}

    static String of(String scope, Instant since, Instant until, List<Group> alerts, List<Group> explained) {
        StringBuilder s = new StringBuilder();
        s.append(alerts.isEmpty() ? "No anomaly" : alerts.size() + " anomaly group" + (alerts.size() == 1 ? "" : "s"))
                .append(" in ")
                .append(scope)
                .append(" from ")
                .append(since)
                .append(" to ")
                .append(until)
                .append(alerts.isEmpty() ? "." : ": ");
        for (int i = 0; i < Math.min(3, alerts.size()); i++) {
            Group g = alerts.get(i);
            s.append(i == 0 ? "" : "; ").append(headline(g.root()));
            if (!g.echoes().isEmpty()) {
                s.append(" with ")
                        .append(g.echoes().size())
                        .append(" echo")
                        .append(g.echoes().size() == 1 ? "" : "es")
                        .append(" (")
                        .append(String.join(
                                ", ",
                                g.echoes().stream()
                                        .map(e -> e.anomaly().product())
                                        .toList()))
                        .append(")");
            }
            if (!g.incidents().isEmpty()) {
                s.append(", see ").append(String.join(", ", g.incidents()));
            }
        }
        if (alerts.size() > 3) {
            s.append("; and ").append(alerts.size() - 3).append(" more");
        }
        if (!alerts.isEmpty()) {
            s.append('.');
        }
        if (!explained.isEmpty()) {
            s.append(' ')
                    .append(explained.size())
                    .append(" more explained by resolved incidents (")
                    .append(String.join(
                            ", ",
                            explained.stream()
                                    .map(Group::explainedBy)
                                    .distinct()
                                    .toList()))
                    .append(").");
        }
        return s.toString();
    }

    /** E.g. {@code orders.orders_daily row_count drop -60% since 2026-11-20}. */
    static String headline(Anomaly a) {
        return a.product() + " " + a.metric() + " " + a.kind() + change(a) + " since "
                + a.since().toString().substring(0, 10);
    }

    /** The change against the expected value, e.g. {@code " -60%"}, or nothing when it cannot be said. */
    static String change(Anomaly a) {
        if (a.kind().equals("stale")) {
            return String.format(Locale.ROOT, " (%.1f h since the last run, cycle %.0f h)", a.observed(), a.expected());
        }
        if (a.expected() == 0) {
            return "";
        }
        double pct = (a.observed() / a.expected() - 1) * 100;
        return String.format(Locale.ROOT, " %+.0f%%", pct);
    }
}
