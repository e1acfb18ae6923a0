package dev.meshpilot.agents.anomalies;

import dev.meshpilot.agents.kit.Finding;
import dev.meshpilot.agents.kit.Owner;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the anomalies agent found in a scope and window. A wire format (JSON, validated against
 * {@code anomalies-report.schema.json}): fields are added at the end, nullable. {@code groups} are the alerts,
 * ranked; {@code explained} are groups a resolved incident accounts for (shown, never alerted). {@code findings}
 * (derived, written not read) names each alerted group by a fingerprint stable across runs (root product and
 * family), so a scheduled sweep's ledger tells new groups from ones it already reported.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(
        value = {"findings"},
        allowGetters = true)
public record AnomaliesReport(
        String scope,
        Instant since,
        Instant until,
        List<Group> groups,
        List<Group> explained,
        Sweep sweep,
        String summary) {
    public AnomaliesReport {
        groups = groups == null ? List.of() : List.copyOf(groups);
        explained = explained == null ? List.of() : List.copyOf(explained);
    }

    /** The alerted groups as ledger findings: fingerprint, state {@code new}, level (the root's kind), title. */
    @com.fasterxml.jackson.annotation.JsonProperty("findings")
    public List<java.util.Map<String, String>> findings() {
        java.util.Map<String, java.util.Map<String, String>> out = new java.util.LinkedHashMap<>();
        for (Group g : groups) {
            String fingerprint =
                    "anomalies:" + g.root().product() + ":" + g.root().family();
            out.putIfAbsent(
                    fingerprint,
                    java.util.Map.of(
                            "fingerprint",
                            fingerprint,
                            "state",
                            "new",
                            "level",
                            g.root().kind(),
                            "title",
                            g.root().product() + " " + g.root().metric() + " "
                                    + g.root().kind() + " since " + g.root().since()));
        }
        return List.copyOf(out.values());
    }

    /**
     * One cause and its echoes: the furthest-upstream anomalous product, the anomalies downstream it explains,
     * how it ranks (score × impact), who owns the root, and open incidents on its products.
     */
    public record Group(
            String id,
            int rank,
            Anomaly root,
            List<Echo> echoes,
            String criticality,
            int downstream,
            double impact,
            double rankScore,
            Owner owner,
            List<String> incidents,
            String explainedBy,
            List<String> evidence)
            implements Finding {
        public Group {
            echoes = echoes == null ? List.of() : List.copyOf(echoes);
            incidents = incidents == null ? List.of() : List.copyOf(incidents);
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /**
     * An anomaly of one product: the metric shown (others that moved with it in {@code alsoMoved}), what kind
     * (drop, spike, level_shift, late, stale), since when, the value against the expected band, the score,
     * how many training points it rests on, the threshold the backtest chose, and the recent values.
     */
    public record Anomaly(
            String product,
            String family,
            String metric,
            String column,
            String kind,
            Instant since,
            double observed,
            double expected,
            double low,
            double high,
            double score,
            int training,
            double threshold,
            boolean seasonal,
            List<String> alsoMoved,
            List<Double> recent,
            List<String> evidence)
            implements Finding {
        public Anomaly {
            alsoMoved = alsoMoved == null ? List.of() : List.copyOf(alsoMoved);
            recent = recent == null ? List.of() : List.copyOf(recent);
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** A downstream anomaly the root explains, with its hop distance from the root. */
    public record Echo(int hops, Anomaly anomaly) implements Finding {
        @Override
        public List<String> evidence() {
            return anomaly.evidence();
        }
    }

    /** What the sweep covered and how: products, series, points, what it skipped, the settings. */
    public record Sweep(
            int products,
            int series,
            int points,
            int shortHistory,
            int excludedPoints,
            List<String> notScanned,
            Map<String, Object> settings,
            int inScope,
            boolean complete) {
        public Sweep {
            notScanned = notScanned == null ? List.of() : List.copyOf(notScanned);
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }
    }
}
