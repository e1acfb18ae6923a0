package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Pattern;

/**
 * How problems name places and values: field paths such as {@code outputs[0].facets.columnLineage.fields
 * ["sum(amount)"].inputFields[1].field} (keys that are not plain identifiers are quoted), and values as short
 * JSON ({@code "abc"}, {@code 1.5}, {@code an object}).
 */
final class FieldPath {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private FieldPath() {}

    /** The path of member {@code key} (or element {@code index} when not negative) of {@code base}. */
    static String child(String base, String key, int index) {
        if (index >= 0) {
            return base + "[" + index + "]";
        }
        if (!PLAIN_KEY.matcher(key).matches()) {
            return base + "[" + new TextNode(key) + "]";
        }
        return base.isEmpty() ? key : base + "." + key;
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
