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
