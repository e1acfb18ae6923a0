package dev.meshpilot.mesh.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads typed members of JSON objects and records a problem, naming the JSON path (e.g.
 * {@code alerts[1].labels.alertname}), for each one that is missing or of the wrong type, so that reading
 * goes on and every problem is reported. A JSON {@code null} counts as absent.
 */
final class Fields {
    static final String TIME_HINT = "an RFC 3339 date-time, e.g. 2026-11-25T09:00:00Z";
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private final List<String> problems = new ArrayList<>();

    List<String> problems() {
        return problems;
    }

    void problem(String path, String message) {
        problems.add(path.isEmpty() ? message : path + ": " + message);
    }

    static String child(String base, String key) {
        String step = PLAIN_KEY.matcher(key).matches() ? key : "[" + new TextNode(key) + "]";
        return base.isEmpty() || step.startsWith("[") ? base + step : base + "." + step;
    }

    /** The member {@code key} of {@code object}, or {@code null} when absent or JSON null. */
    static JsonNode member(JsonNode object, String key) {
        JsonNode v = object.get(key);
        return v == null || v.isNull() ? null : v;
    }

    String text(JsonNode object, String path, String key, boolean required) {
        JsonNode v = member(object, key);
        String at = child(path, key);
        if (v == null) {
            if (required) {
                problem(at, "missing (a non-empty string is required)");
            }
            return null;
        }
        if (!v.isTextual() || (required && v.textValue().isBlank())) {
            problem(at, "expected " + (required ? "a non-empty string" : "a string") + ", got " + describe(v));
            return null;
        }
        return v.textValue();
    }

    /** An object whose values are all strings (labels, annotations); empty when absent and not required. */
    Map<String, String> strings(JsonNode object, String path, String key, boolean required) {
        JsonNode v = member(object, key);
        String at = child(path, key);
        Map<String, String> map = new LinkedHashMap<>();
        if (v == null) {
            if (required) {
                problem(at, "missing (an object of string values is required)");
            }
            return map;
        }
        if (!v.isObject()) {
            problem(at, "expected an object of string values, got " + describe(v));
            return map;
        }
        v.properties().forEach(e -> {
            if (e.getValue().isTextual()) {
                map.put(e.getKey(), e.getValue().textValue());
            } else {
                problem(child(at, e.getKey()), "expected a string, got " + describe(e.getValue()));
            }
        });
        return map;
    }

    /** An RFC 3339 date-time with an offset; Go's zero time ({@code 0001-01-01T00:00:00Z}) reads as unset. */
    Instant time(JsonNode object, String path, String key, boolean required) {
        JsonNode v = member(object, key);
        String at = child(path, key);
        Instant time = null;
        if (v != null && v.isTextual()) {
            try {
                time = OffsetDateTime.parse(v.textValue()).toInstant();
            } catch (DateTimeParseException e) {
                problem(at, "expected " + TIME_HINT + ", got " + describe(v));
                return null;
            }
        } else if (v != null) {
            problem(at, "expected " + TIME_HINT + ", got " + describe(v));
            return null;
        }
        if (time != null && time.equals(Instant.parse("0001-01-01T00:00:00Z"))) {
            time = null;
        }
        if (time == null && required) {
            problem(at, "missing (" + TIME_HINT + " is required)");
        }
        return time;
    }

    /** A whole, non-negative number; {@code 0} when absent. */
    long count(JsonNode object, String path, String key) {
        JsonNode v = member(object, key);
        if (v == null) {
            return 0;
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong() || v.longValue() < 0) {
            problem(child(path, key), "expected a whole number of at least 0, got " + describe(v));
            return 0;
        }
        return v.longValue();
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isTextual()) {
            String quoted = v.toString();
            return quoted.length() > 60 ? quoted.substring(0, 56) + "...\"" : quoted;
        }
        return v.isObject() ? "an object" : v.isArray() ? "an array" : v.toString();
    }
}
