package dev.meshpilot.sandbox.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/** Canonical JSON (object keys sorted) and its SHA-256, for argument digests in the audit log. */
final class Canonical {
    private Canonical() {}

    static String digest(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(JsonNode node, StringBuilder sb) {
        if (node == null || node.isMissingNode()) {
            sb.append("null");
        } else if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            sb.append('{');
            sorted.forEach((k, v) -> {
                sb.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(k))
                        .append(':');
                write(v, sb);
                sb.append(',');
            });
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            node.forEach(v -> {
                write(v, sb);
                sb.append(',');
            });
            sb.append(']');
        } else {
            sb.append(node);
        }
    }
}
