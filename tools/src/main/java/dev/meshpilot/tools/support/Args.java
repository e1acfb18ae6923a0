package dev.meshpilot.tools.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads arguments the gate has already validated against the tool's input schema. */
public final class Args {
    private Args() {}

    public static Optional<String> string(JsonNode args, String name) {
        JsonNode v = args.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    /** A required string (the schema guarantees it). */
    public static String required(JsonNode args, String name) {
        return string(args, name).orElseThrow(() -> new IllegalArgumentException("missing argument '" + name + "'"));
    }

    /**
     * An optional ISO-8601 instant argument.
     *
     * @throws IllegalArgumentException naming the argument and an example of a valid value
     */
    public static Optional<java.time.Instant> instant(JsonNode args, String name) {
        return string(args, name).map(text -> {
            try {
                return java.time.Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "'" + name + "' must be an ISO-8601 instant such as 2026-11-25T01:22:00Z, not '" + text + "'");
            }
        });
    }

    public static int integer(JsonNode args, String name, int defaultValue) {
        JsonNode v = args.get(name);
        return v == null || v.isNull() ? defaultValue : v.asInt();
    }

    public static boolean bool(JsonNode args, String name, boolean defaultValue) {
        JsonNode v = args.get(name);
        return v == null || v.isNull() ? defaultValue : v.asBoolean();
    }

    public static List<String> strings(JsonNode args, String name) {
        List<String> out = new ArrayList<>();
        JsonNode v = args.get(name);
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        }
        return out;
    }
}
