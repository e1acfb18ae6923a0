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

    /** {@code node} as JSON with object keys sorted and no spaces: the arguments' text in the audit log. */
    static String json(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, false);
        return sb.toString();
    }

    /** The SHA-256 of the digest form (keys sorted, a comma after every member: the form digests always had). */
    static String digest(JsonNode node) {
        StringBuilder canonical = new StringBuilder();
        write(node, canonical, true);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(JsonNode node, StringBuilder sb, boolean trailingCommas) {
        if (node == null || node.isMissingNode()) {
            sb.append("null");
        } else if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            sb.append('{');
            String[] sep = {""};
            sorted.forEach((k, v) -> {
                sb.append(sep[0])
                        .append(com.fasterxml.jackson.databind.node.TextNode.valueOf(k))
                        .append(':');
                write(v, sb, trailingCommas);
                if (trailingCommas) {
                    sb.append(',');
                } else {
                    sep[0] = ",";
                }
            });
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            String[] sep = {""};
            node.forEach(v -> {
                sb.append(sep[0]);
                write(v, sb, trailingCommas);
                if (trailingCommas) {
                    sb.append(',');
                } else {
                    sep[0] = ",";
                }
            });
            sb.append(']');
        } else {
            sb.append(node);
        }
    }
}
