package dev.meshpilot.agents.prompt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one prompt file: front matter between {@code ---} lines, then the body. */
final class PromptParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("id", "version", "description", "model", "changelog");

    private PromptParser() {}

    /**
     * @param source the file's path relative to the prompts folder, e.g. {@code triage/v1.md}
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    static Prompt parse(String source, String text) {
        String t = text.replace("\r\n", "\n");
        if (!t.startsWith("---\n")) {
            throw new IllegalArgumentException(source + ":1: a prompt starts with front matter between '---' lines");
        }
        int end = t.indexOf("\n---\n", 4);
        if (end < 0) {
            throw new IllegalArgumentException(source + ": the front matter has no closing '---' line");
        }
        Map<String, Object> front;
        try {
            front = YAML.readValue(t.substring(4, end), new TypeReference<Map<String, Object>>() {});
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(source + ": front matter is not YAML: " + e.getMessage(), e);
        }
        for (String key : front.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        source + ": unknown front matter key '" + key + "' (valid: " + KEYS + ")");
            }
        }
        String id = string(source, front, "id");
        Object version = front.get("version");
        if (!(version instanceof Integer v) || v < 1) {
            throw new IllegalArgumentException(source + ": 'version' must be a positive integer, not " + version);
        }
        String expected = id + "/v" + v + ".md";
        if (!source.endsWith(expected)) {
            throw new IllegalArgumentException(source + ": id and version say the file should be " + expected);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> model = front.get("model") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        List<String> changelog = front.get("changelog") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList()
                : List.of();
        String body = t.substring(end + 5).strip() + "\n";
        return new Prompt(id, v, string(source, front, "description"), model, changelog, body, sha256(text), source);
    }

    private static String string(String source, Map<String, Object> front, String key) {
        Object v = front.get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(source + ": front matter needs '" + key + "' (a non-empty string)");
        }
        return s;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
