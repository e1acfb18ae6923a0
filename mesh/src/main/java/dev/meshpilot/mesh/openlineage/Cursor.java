package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A position in an event's JSON tree that reads typed fields and records an {@link EventProblem} naming the
 * field path for each one that is missing or of the wrong type, so reading goes on and all are reported. A
 * JSON {@code null} counts as absent.
 */
final class Cursor {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final JsonNode node;
    private final Cursor parent;
    private final String step;
    private final int index;
    private final List<EventProblem> problems;

    /** A root cursor; {@code path} prefixes every field path (e.g. {@code [3]} for an array element). */
    Cursor(JsonNode node, String path, List<EventProblem> problems) {
        this(node, null, path, -1, problems);
    }

    private Cursor(JsonNode node, Cursor parent, String step, int index, List<EventProblem> problems) {
        this.node = node;
        this.parent = parent;
        this.step = step;
        this.index = index;
        this.problems = problems;
    }

    /** The field path, built only when a problem is reported. */
    String path() {
        return parent == null ? step : FieldPath.child(parent.path(), step, index);
    }

    JsonNode node() {
        return node;
    }

    boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    int problemCount() {
        return problems.size();
    }

    void problem(String message) {
        problems.add(new EventProblem(null, 0, path(), message));
    }

    Cursor get(String key) {
        return new Cursor(node == null ? null : node.get(key), this, key, -1, problems);
    }

    /** The child {@code key} when present, else {@code null} (and a problem saying {@code what} is required). */
    private Cursor child(String key, boolean required, String what) {
        Cursor c = get(key);
        if (c.present()) {
            return c;
        }
        if (required) {
            c.problem("missing (" + what + " is required)");
        }
        return null;
    }

    /** Whether this node is an object; records a problem when it is not. */
    boolean isObject(String what) {
        if (present() && node.isObject()) {
            return true;
        }
        problem("expected " + what + ", got " + FieldPath.describe(node));
        return false;
    }

    /** The child object {@code key}, or {@code null} when absent (a problem if required) or not an object. */
    Cursor object(String key, boolean required, String what) {
        Cursor c = child(key, required, what);
        return c != null && c.isObject("an object") ? c : null;
    }

    /** The elements of the array {@code key}; empty when absent, a problem when not an array. */
    List<Cursor> array(String key, boolean required, String what) {
        Cursor c = child(key, required, what);
        List<Cursor> items = new ArrayList<>();
        if (c != null && c.expect(c.node.isArray(), "an array")) {
            for (int i = 0; i < c.node.size(); i++) {
                items.add(new Cursor(c.node.get(i), c, null, i, problems));
            }
        }
        return items;
    }

    /** The members of this object, in order, skipping {@code null} values. */
    Map<String, Cursor> members() {
        Map<String, Cursor> members = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            Cursor c = get(e.getKey());
            if (c.present()) {
                members.put(e.getKey(), c);
            }
        });
        return members;
    }

    String text(String key, boolean required) {
        Cursor c = child(key, required, "a string");
        return c != null && c.expect(c.node.isTextual(), "a string") ? c.node.textValue() : null;
    }

    /** A required, non-blank string: an identifier such as a namespace or a name. */
    String name(String key) {
        String s = text(key, true);
        return s != null && get(key).expect(!s.isBlank(), "a non-empty string") ? s : null;
    }

    /** Any scalar as text (numbers and booleans too): for free-text fields that producers type loosely. */
    String scalar(String key) {
        Cursor c = child(key, false, "");
        return c != null && c.expect(c.node.isValueNode(), "a string") ? c.node.asText() : null;
    }

    UUID uuid(String key) {
        Cursor c = child(key, true, "a UUID");
        boolean ok = c != null
                && c.node.isTextual()
                && UUID_TEXT.matcher(c.node.textValue()).matches();
        return c != null && c.expect(ok, "a UUID") ? UUID.fromString(c.node.textValue()) : null;
    }

    Long integer(String key) {
        Cursor c = child(key, false, "");
        if (c == null) {
            return null;
        }
        JsonNode v = c.node;
        boolean whole =
                v.isIntegralNumber() || (v.isFloatingPointNumber() && v.doubleValue() == Math.rint(v.doubleValue()));
        return c.expect(whole && v.canConvertToLong(), "an integer") ? v.longValue() : null;
    }

    Double number(String key) {
        Cursor c = child(key, false, "");
        return c != null && c.expect(c.node.isNumber(), "a number") ? c.node.doubleValue() : null;
    }

    Boolean bool(String key, boolean required) {
        Cursor c = child(key, required, "true or false");
        return c != null && c.expect(c.node.isBoolean(), "true or false") ? c.node.booleanValue() : null;
    }

    private boolean expect(boolean ok, String expected) {
        if (!ok) {
            problem("expected " + expected + ", got " + FieldPath.describe(node));
        }
        return ok;
    }
}
