package dev.meshpilot.mesh.workspace;

import dev.meshpilot.mesh.anomaly.AnomalyRule;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code anomalies.yaml} at the workspace root: {@code settings} for the whole mesh, {@code overrides}
 * per product or metric, {@code exclusions} and {@code feedback} windows. Each problem names the file, line and
 * field.
 */
final class AnomalyRulesReader {
    static final String FILE = "anomalies.yaml";
    private static final Set<String> ENUMS = Set.of("scoring", "direction", "seasonality");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "scoring", Set.of("mad", "z"),
            "direction", Set.of("up", "down", "both"),
            "seasonality", Set.of("auto", "none", "day_of_week", "hour_of_day", "hour_of_week"));

    private AnomalyRulesReader() {}

    static void read(YamlDoc doc, Workspace ws, Problems problems) {
        Node root = Node.root(doc, problems);
        if (!root.isObject()) {
            return;
        }
        root.onlyKeys(List.of("settings", "overrides", "exclusions", "feedback"));
        Node mesh = root.child("settings", false);
        if (mesh != null) {
            add(ws, doc, mesh, new AnomalyRule("settings", null, null, null, null, null, settings(mesh)));
        }
        for (Node o : root.children("overrides")) {
            o.onlyKeys(List.of("product", "metric", "settings"));
            Node s = o.child("settings", true);
            String product = o.text("product", true);
            if (s != null && product != null) {
                add(
                        ws,
                        doc,
                        o,
                        new AnomalyRule("settings", product, o.text("metric", false), null, null, null, settings(s)));
            }
        }
        for (Node e : root.children("exclusions")) {
            e.onlyKeys(List.of("product", "metric", "from", "to", "reason"));
            window(ws, doc, e, "exclusion", "reason");
        }
        for (Node f : root.children("feedback")) {
            f.onlyKeys(List.of("product", "metric", "from", "to", "verdict", "note"));
            String verdict = f.oneOf("verdict", Set.of("expected", "fixed", "acknowledged"), null);
            if (verdict != null) {
                window(ws, doc, f, verdict, "note");
            }
        }
    }

    private static void window(Workspace ws, YamlDoc doc, Node n, String kind, String why) {
        Instant from = n.instant("from", true);
        Instant to = n.instant("to", false);
        if (from == null) {
            return;
        }
        to = to == null ? from.plus(Duration.ofDays(1)) : to;
        if (!to.isAfter(from)) {
            n.problem("to", "must be after from (" + from + ")");
            return;
        }
        add(
                ws,
                doc,
                n,
                new AnomalyRule(
                        kind,
                        n.text("product", false),
                        n.text("metric", false),
                        from,
                        to,
                        n.text(why, false),
                        Map.of()));
    }

    private static Map<String, String> settings(Node s) {
        s.onlyKeys(AnomalyRule.SETTINGS);
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : AnomalyRule.SETTINGS) {
            String v = ENUMS.contains(key)
                    ? s.optionalOneOf(key, ALLOWED.get(key))
                    : s.matching(key, false, "[0-9]+(\\.[0-9]+)?", "a number >= 0");
            if (v != null) {
                out.put(key, v);
            }
        }
        return out;
    }

    private static void add(Workspace ws, YamlDoc doc, Node n, AnomalyRule rule) {
        ws.anomalyRules.add(new Sourced<>(rule, doc, n.pointer()));
    }
}
