package dev.meshpilot.agents.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The size limits of a model's answer, from the report schema: the whole answer may hold at most
 * {@link #MAX_ANSWER_CHARS} characters (a larger one is refused like an invalid one), and every text field at
 * most its {@code maxLength} (else {@link #DEFAULT_TEXT_CHARS}); a longer text is cut, marked
 * {@value #MARK}, and the cut is stated in the run's notes.
 */
final class AnswerBounds {
    static final int MAX_ANSWER_CHARS = 200_000;
    static final int DEFAULT_TEXT_CHARS = 4_000;
    static final String MARK = " … [truncated]";

    private final JsonNode schema;

    AnswerBounds(JsonNode schema) {
        this.schema = schema;
    }

    /** Why the raw answer is too large to read, or null. */
    static String oversized(String text) {
        if (text == null || text.length() <= MAX_ANSWER_CHARS) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "the answer is %,d characters, over the limit of %,d: answer with the report only, texts short",
                text.length(),
                MAX_ANSWER_CHARS);
    }

    /** Cuts every text in {@code answer} longer than its limit, in place; one note per cut. */
    List<String> cap(JsonNode answer) {
        List<String> notes = new ArrayList<>();
        walk(answer, schema, "", notes);
        return notes;
    }

    private void walk(JsonNode node, JsonNode s, String path, List<String> notes) {
        s = resolve(s);
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                JsonNode sub = s.path("properties").path(f.getKey());
                if (f.getValue().isTextual()) {
                    String cut = cut(f.getValue().asText(), limit(sub), p, notes);
                    if (cut != null) {
                        o.put(f.getKey(), cut);
                    }
                } else {
                    walk(f.getValue(), sub, p, notes);
                }
            }
        } else if (node instanceof ArrayNode a) {
            JsonNode items = s.path("items");
            for (int i = 0; i < a.size(); i++) {
                String p = path + "[" + i + "]";
                if (a.get(i).isTextual()) {
                    String cut = cut(a.get(i).asText(), limit(items), p, notes);
                    if (cut != null) {
                        a.set(i, a.textNode(cut));
                    }
                } else {
                    walk(a.get(i), items, p, notes);
                }
            }
        }
    }

    private int limit(JsonNode s) {
        JsonNode max = resolve(s).path("maxLength");
        return max.isInt() && max.asInt() > MARK.length() ? max.asInt() : DEFAULT_TEXT_CHARS;
    }

    private static String cut(String text, int limit, String path, List<String> notes) {
        if (text.length() <= limit) {
            return null;
        }
        notes.add(String.format(
                Locale.ROOT,
                "the model's %s was cut to %,d of its %,d characters (the report schema's limit)",
                path,
                limit,
                text.length()));
        return text.substring(0, limit - MARK.length()) + MARK;
    }

    /** The schema a {@code $ref} to {@code #/$defs/...} points at; the node itself otherwise. */
    private JsonNode resolve(JsonNode s) {
        JsonNode ref = s.path("$ref");
        return ref.isTextual() && ref.asText().startsWith("#/")
                ? schema.at(ref.asText().substring(1))
                : s;
    }
}
