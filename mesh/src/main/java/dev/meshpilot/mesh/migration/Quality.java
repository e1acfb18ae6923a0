package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares the quality rules of a property or object: rules match by name, else by metric (or rule) and
 * dimension; a threshold that tightens, a new rule and a removed or loosened rule are each a change.
 */
final class Quality {
    private static final List<String> UPPER = List.of("mustBeLessThan", "mustBeLessOrEqualTo");
    private static final List<String> LOWER = List.of("mustBeGreaterThan", "mustBeGreaterOrEqualTo");

    /** One finding. */
    record Delta(ChangeRule rule, String key, String oldValue, String newValue, String message) {}

    private Quality() {}

    static List<Delta> compare(JsonNode oldRules, JsonNode newRules) {
        List<Delta> out = new ArrayList<>();
        List<JsonNode> unmatched = new ArrayList<>();
        oldRules.forEach(unmatched::add);
        for (JsonNode n : newRules) {
            JsonNode o = unmatched.stream()
                    .filter(x -> key(x).equals(key(n)))
                    .findFirst()
                    .orElse(null);
            if (o == null) {
                out.add(new Delta(
                        ChangeRule.QUALITY_ADDED,
                        key(n),
                        null,
                        threshold(n),
                        "quality rule " + key(n) + " added (" + threshold(n) + "): existing data may fail it"));
                continue;
            }
            unmatched.remove(o);
            int t = tighter(o, n);
            if (t > 0) {
                out.add(new Delta(
                        ChangeRule.QUALITY_TIGHTENED,
                        key(n),
                        threshold(o),
                        threshold(n),
                        "quality rule " + key(n) + " tightened: " + threshold(o) + " → " + threshold(n)));
            } else if (t < 0) {
                out.add(new Delta(
                        ChangeRule.QUALITY_REMOVED,
                        key(n),
                        threshold(o),
                        threshold(n),
                        "quality rule " + key(n) + " loosened: " + threshold(o) + " → " + threshold(n)));
            }
        }
        for (JsonNode o : unmatched) {
            out.add(new Delta(
                    ChangeRule.QUALITY_REMOVED,
                    key(o),
                    threshold(o),
                    null,
                    "quality rule " + key(o) + " removed: consumers lose that guarantee"));
        }
        return out;
    }

    static String key(JsonNode q) {
        String name = Docs.text(q, "name");
        if (name != null) {
            return name;
        }
        String metric = Docs.text(q, "metric") != null ? Docs.text(q, "metric") : Docs.text(q, "rule");
        String type = Docs.text(q, "type");
        return (metric != null ? metric : type != null ? type : "rule")
                + (Docs.text(q, "dimension") == null ? "" : "/" + Docs.text(q, "dimension"));
    }

    static String threshold(JsonNode q) {
        List<String> parts = new ArrayList<>();
        q.properties().forEach(e -> {
            if (e.getKey().startsWith("must")) {
                parts.add(e.getKey() + " " + e.getValue());
            }
        });
        if (Docs.text(q, "unit") != null) {
            parts.add(Docs.text(q, "unit"));
        }
        return parts.isEmpty() ? Objects.toString(Docs.text(q, "query"), "as declared") : String.join(" ", parts);
    }

    /** 1 when {@code n} is stricter than {@code o}, -1 when looser, 0 when the same or not comparable. */
    private static int tighter(JsonNode o, JsonNode n) {
        int threshold = thresholdTighter(o, n);
        if (threshold != 0) {
            return threshold;
        }
        return argumentsTighter(
                o.path("arguments").path("validValues"), n.path("arguments").path("validValues"));
    }

    /** Fewer valid values is stricter, more is looser; another change of arguments counts as stricter. */
    private static int argumentsTighter(JsonNode o, JsonNode n) {
        if (o.equals(n)) {
            return 0;
        }
        java.util.Set<JsonNode> a = new java.util.HashSet<>();
        o.forEach(a::add);
        java.util.Set<JsonNode> b = new java.util.HashSet<>();
        n.forEach(b::add);
        return a.containsAll(b) ? 1 : b.containsAll(a) ? -1 : 1;
    }

    private static int thresholdTighter(JsonNode o, JsonNode n) {
        for (String k : UPPER) {
            if (o.has(k) && n.has(k)) {
                return Double.compare(o.get(k).asDouble(), n.get(k).asDouble());
            }
        }
        for (String k : LOWER) {
            if (o.has(k) && n.has(k)) {
                return Double.compare(n.get(k).asDouble(), o.get(k).asDouble());
            }
        }
        if (o.has("mustBeBetween") && n.has("mustBeBetween")) {
            double w0 = o.get("mustBeBetween").path(1).asDouble()
                    - o.get("mustBeBetween").path(0).asDouble();
            double w1 = n.get("mustBeBetween").path(1).asDouble()
                    - n.get("mustBeBetween").path(0).asDouble();
            return Double.compare(w0, w1);
        }
        if (o.has("mustBe") && n.has("mustBe") && !o.get("mustBe").equals(n.get("mustBe"))) {
            return 1;
        }
        if (!Objects.equals(Docs.text(o, "query"), Docs.text(n, "query"))) {
            return 1;
        }
        return 0;
    }
}
