package dev.meshpilot.mesh.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A cursor on one YAML mapping that reads typed fields and records a {@link Problem} (with file, line and
 * field) for each one that is missing or invalid, so reading goes on and every problem is reported.
 */
final class Node {
    private final YamlDoc doc;
    private final String pointer;
    private final String field;
    private final JsonNode json;
    private final Problems problems;

    Node(YamlDoc doc, String pointer, String field, JsonNode json, Problems problems) {
        this.doc = doc;
        this.pointer = pointer;
        this.field = field;
        this.json = json;
        this.problems = problems;
    }

    static Node root(YamlDoc doc, Problems problems) {
        return new Node(doc, "", "", doc.root(), problems);
    }

    String pointer() {
        return pointer;
    }

    JsonNode json() {
        return json;
    }

    String file() {
        return doc.file();
    }

    String field(String key) {
        return field.isEmpty() ? key : field + "." + key;
    }

    int line(String key) {
        return doc.line(pointer + "/" + key);
    }

    void problem(String key, String message) {
        problems.add(doc.file(), line(key), field(key), message);
    }

    boolean isObject() {
        if (json.isObject()) {
            return true;
        }
        problems.add(doc.file(), doc.line(pointer), field, "expected a mapping of fields, got " + kind(json));
        return false;
    }

    /** Records a problem for each key that is not one of {@code keys} (keys starting {@code x-} are kept). */
    void onlyKeys(Collection<String> keys) {
        json.fieldNames().forEachRemaining(k -> {
            if (!keys.contains(k) && !k.startsWith("x-")) {
                problem(k, "unknown field (valid: " + String.join(", ", keys) + ")");
            }
        });
    }

    String text(String key, boolean required) {
        JsonNode v = json.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(doc.file(), doc.line(pointer), field(key), "required field is missing");
            }
            return null;
        }
        if (!v.isValueNode()) {
            problem(key, "expected a single value, got " + kind(v));
            return null;
        }
        String s = v.asText().strip();
        if (required && s.isEmpty()) {
            problem(key, "must not be empty");
            return null;
        }
        return s.isEmpty() ? null : s;
    }

    String matching(String key, boolean required, String regex, String what) {
        String s = text(key, required);
        if (s != null && !s.matches(regex)) {
            problem(key, "'" + s + "' is not valid (expected " + what + ")");
            return null;
        }
        return s;
    }

    /** A required field whose value must be one of {@code allowed}; {@code fallback} when missing. */
    String oneOf(String key, Set<String> allowed, String fallback) {
        return oneOf(key, allowed, fallback, fallback == null);
    }

    /** An optional field whose value, when present, must be one of {@code allowed}. */
    String optionalOneOf(String key, Set<String> allowed) {
        return oneOf(key, allowed, null, false);
    }

    private String oneOf(String key, Set<String> allowed, String fallback, boolean required) {
        String s = text(key, required);
        if (s == null) {
            return fallback;
        }
        if (!allowed.contains(s)) {
            problem(key, "'" + s + "' is not one of " + String.join(", ", sorted(allowed)));
            return fallback;
        }
        return s;
    }

    Instant instant(String key, boolean required) {
        return parsed(key, required, Instant::parse, "an ISO-8601 instant (e.g. 2026-11-25T09:00:00Z)");
    }

    Duration duration(String key, boolean required) {
        return parsed(key, required, Duration::parse, "an ISO-8601 duration (e.g. PT1H, P365D)");
    }

    LocalDate date(String key, boolean required) {
        return parsed(key, required, LocalDate::parse, "an ISO-8601 date (e.g. 2026-11-25)");
    }

    /** A text field parsed by {@code parse}; a value it refuses is reported as not being {@code what}. */
    private <T> T parsed(String key, boolean required, Function<String, T> parse, String what) {
        String s = text(key, required);
        if (s == null) {
            return null;
        }
        try {
            return parse.apply(s);
        } catch (DateTimeParseException e) {
            problem(key, "'" + s + "' is not " + what);
            return null;
        }
    }

    List<String> texts(String key) {
        JsonNode v = json.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            problem(key, "expected a list, got " + kind(v));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (item.isValueNode() && !item.isNull()) {
                out.add(item.asText());
            } else {
                problems.add(
                        doc.file(),
                        doc.line(pointer + "/" + key + "/" + i),
                        field(key) + "[" + i + "]",
                        "expected a single value, got " + kind(item));
            }
        }
        return out;
    }

    /** The mapping under {@code key}, or {@code null} (with a problem when required or not a mapping). */
    Node child(String key, boolean required) {
        JsonNode v = json.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(doc.file(), doc.line(pointer), field(key), "required field is missing");
            }
            return null;
        }
        Node child = new Node(doc, pointer + "/" + key, field(key), v, problems);
        return child.isObject() ? child : null;
    }

    /** The mappings in the list under {@code key}; items that are not mappings are reported and skipped. */
    List<Node> children(String key) {
        JsonNode v = json.get(key);
        List<Node> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            problem(key, "expected a list, got " + kind(v));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            Node item = new Node(doc, pointer + "/" + key + "/" + i, field(key) + "[" + i + "]", v.get(i), problems);
            if (item.isObject()) {
                out.add(item);
            }
        }
        return out;
    }

    static String kind(JsonNode v) {
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        return v.isNull() ? "nothing" : "'" + v.asText() + "'";
    }

    private static List<String> sorted(Set<String> set) {
        return set.stream().sorted().toList();
    }
}
