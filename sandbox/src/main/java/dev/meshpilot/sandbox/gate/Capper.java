package dev.meshpilot.sandbox.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.meshpilot.sandbox.tool.Truncation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Bounds a result: every list to {@code maxItems}; then, while its JSON is over {@code maxBytes} (UTF-8),
 * halves the lists, and at last shortens long texts. Every cut is recorded as a {@link Truncation}, so
 * truncation is stated, never silent.
 */
final class Capper {
    static final int SHORT_TEXT = 500;
    private static final int HALVING_ROUNDS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Capper() {}

    static void trimItems(JsonNode node, int max, Findings findings) {
        trim(node, "", max, findings);
    }

    /** Cuts {@code data} in place to fit; returns its size in bytes, or -1 when it cannot fit at all. */
    static long fit(JsonNode data, int maxBytes, Findings findings) {
        long size = utf8Size(data);
        for (int round = 0; size > maxBytes && round < HALVING_ROUNDS; round++) {
            if (!halve(data, "", findings)) {
                break;
            }
            size = utf8Size(data);
        }
        if (size > maxBytes) {
            shorten(data, "", findings);
            size = utf8Size(data);
        }
        return size > maxBytes ? -1 : size;
    }

    static long utf8Size(JsonNode data) {
        long[] count = {0};
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        };
        try {
            JSON.writeValue(counter, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    private static void trim(JsonNode node, String path, int max, Findings findings) {
        if (node instanceof ArrayNode array) {
            if (array.size() > max) {
                findings.cut(new Truncation(path.isEmpty() ? "/" : path, "items", array.size(), max, "max_items"));
                while (array.size() > max) {
                    array.remove(array.size() - 1);
                }
            }
            for (int i = 0; i < array.size(); i++) {
                trim(array.get(i), path + "/" + i, max, findings);
            }
        } else if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> trim(e.getValue(), path + "/" + escape(e.getKey()), max, findings));
        }
    }

    /** Halves every list with more than one item; returns whether anything was cut. */
    private static boolean halve(JsonNode node, String path, Findings findings) {
        boolean cut = false;
        if (node instanceof ArrayNode array) {
            if (array.size() > 1) {
                int keep = array.size() / 2;
                findings.cut(new Truncation(path.isEmpty() ? "/" : path, "items", array.size(), keep, "max_bytes"));
                while (array.size() > keep) {
                    array.remove(array.size() - 1);
                }
                cut = true;
            }
            for (int i = 0; i < array.size(); i++) {
                cut |= halve(array.get(i), path + "/" + i, findings);
            }
        } else if (node instanceof ObjectNode object) {
            for (var e : object.properties()) {
                cut |= halve(e.getValue(), path + "/" + escape(e.getKey()), findings);
            }
        }
        return cut;
    }

    private static void shorten(JsonNode node, String path, Findings findings) {
        if (node instanceof ObjectNode object) {
            for (var e : object.properties()) {
                String at = path + "/" + escape(e.getKey());
                if (e.getValue().isTextual() && e.getValue().asText().length() > SHORT_TEXT) {
                    String text = e.getValue().asText();
                    e.setValue(TextNode.valueOf(shortened(text)));
                    findings.cut(new Truncation(at, "chars", text.length(), SHORT_TEXT, "max_bytes"));
                } else {
                    shorten(e.getValue(), at, findings);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual() && child.asText().length() > SHORT_TEXT) {
                    array.set(i, TextNode.valueOf(shortened(child.asText())));
                    findings.cut(new Truncation(
                            path + "/" + i, "chars", child.asText().length(), SHORT_TEXT, "max_bytes"));
                } else {
                    shorten(child, path + "/" + i, findings);
                }
            }
        }
    }

    private static String shortened(String text) {
        int end = Character.isHighSurrogate(text.charAt(SHORT_TEXT - 1)) ? SHORT_TEXT - 1 : SHORT_TEXT;
        return text.substring(0, end) + "…";
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
