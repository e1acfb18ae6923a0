package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares SLA properties: retention shorter or longer, and promises (latency, freshness, frequency,
 * timeOfAvailability, ...) tighter, looser or gone. Durations compare in seconds across units.
 */
final class Slas {
    private static final List<String> SMALLER_IS_TIGHTER =
            List.of("latency", "freshness", "frequency", "timeofavailability", "errorrate", "timetodetect");

    private Slas() {}

    static void compare(JsonNode oldDoc, JsonNode newDoc, ContractDiff.Sink sink) {
        Map<String, JsonNode> a = index(oldDoc.path("slaProperties"));
        Map<String, JsonNode> b = index(newDoc.path("slaProperties"));
        for (var e : a.entrySet()) {
            String key = e.getKey();
            JsonNode o = e.getValue();
            JsonNode n = b.get(key);
            String prop = Docs.text(o, "property");
            String path = "slaProperties." + prop + element(o);
            boolean retention = prop.equalsIgnoreCase("retention");
            if (n == null) {
                sink.add(
                        retention ? ChangeRule.RETENTION_SHORTENED : ChangeRule.SLA_LOOSENED,
                        path,
                        show(o),
                        null,
                        "SLA " + prop + " (" + show(o) + ") removed",
                        null,
                        null);
                continue;
            }
            if (show(o).equals(show(n))) {
                continue;
            }
            Double x = seconds(o);
            Double y = seconds(n);
            int cmp = x != null && y != null ? Double.compare(y, x) : 0;
            ChangeRule rule;
            if (retention) {
                rule = cmp < 0 ? ChangeRule.RETENTION_SHORTENED : ChangeRule.RETENTION_LENGTHENED;
            } else if (SMALLER_IS_TIGHTER.contains(prop.toLowerCase(Locale.ROOT)) && cmp != 0) {
                rule = cmp < 0 ? ChangeRule.SLA_TIGHTENED : ChangeRule.SLA_LOOSENED;
            } else {
                rule = ChangeRule.SLA_TIGHTENED;
            }
            sink.add(rule, path, show(o), show(n), "SLA " + prop + " " + show(o) + " → " + show(n), null, null);
        }
        for (var e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                JsonNode n = e.getValue();
                String prop = Docs.text(n, "property");
                sink.add(
                        prop.equalsIgnoreCase("retention") ? ChangeRule.RETENTION_SHORTENED : ChangeRule.SLA_TIGHTENED,
                        "slaProperties." + prop + element(n),
                        null,
                        show(n),
                        "SLA " + prop + " (" + show(n) + ") added",
                        null,
                        null);
            }
        }
    }

    private static Map<String, JsonNode> index(JsonNode list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode s : list) {
            String p = Docs.text(s, "property");
            if (p != null) {
                out.put(p.toLowerCase(Locale.ROOT) + element(s), s);
            }
        }
        return out;
    }

    private static String element(JsonNode s) {
        String e = Docs.text(s, "element");
        return e == null ? "" : "[" + e + "]";
    }

    static String show(JsonNode s) {
        return Objects.toString(Docs.text(s, "value"), "")
                + (Docs.text(s, "unit") == null ? "" : " " + Docs.text(s, "unit"));
    }

    /** The value in seconds, for numbers with a time unit and times of day (hh:mm); null when not a duration. */
    static Double seconds(JsonNode s) {
        String v = Docs.text(s, "value");
        if (v == null) {
            return null;
        }
        var time = java.util.regex.Pattern.compile("(\\d{1,2}):(\\d{2}).*").matcher(v);
        if (time.matches()) {
            return Double.parseDouble(time.group(1)) * 3600 + Double.parseDouble(time.group(2)) * 60;
        }
        double n;
        try {
            n = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null;
        }
        String u = Objects.toString(Docs.text(s, "unit"), "s").toLowerCase(Locale.ROOT);
        return n
                * switch (u) {
                    case "y", "yr", "yrs", "year", "years" -> 365 * 86400.0;
                    case "mo", "month", "months" -> 30 * 86400.0;
                    case "w", "week", "weeks" -> 7 * 86400.0;
                    case "d", "day", "days" -> 86400.0;
                    case "h", "hr", "hour", "hours" -> 3600.0;
                    case "m", "min", "minute", "minutes" -> 60.0;
                    case "ms" -> 0.001;
                    default -> 1.0;
                };
    }
}
