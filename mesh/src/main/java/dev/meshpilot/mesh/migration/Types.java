package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a property's type changed: logical type, physical type and its length, and logicalTypeOptions. */
final class Types {
    private static final Pattern SIZED =
            Pattern.compile("\\s*([a-zA-Z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)\\s*");

    /** One finding of a type comparison. */
    record Delta(ChangeRule rule, String field, String oldValue, String newValue, String message) {}

    private Types() {}

    static List<Delta> compare(Prop a, Prop b) {
        List<Delta> out = new ArrayList<>();
        String la = lower(a.logicalType());
        String lb = lower(b.logicalType());
        if (!Objects.equals(la, lb)) {
            boolean widened = "integer".equals(la) && "number".equals(lb);
            out.add(new Delta(
                    widened ? ChangeRule.TYPE_WIDENED : ChangeRule.TYPE_CHANGED,
                    "type",
                    show(a),
                    show(b),
                    "type " + show(a) + " → " + show(b)
                            + (widened ? " (widened)" : ": stored values and consumers' parsing change")));
            return out;
        }
        physical(a.physicalType(), b.physicalType(), out);
        options(a.node().path("logicalTypeOptions"), b.node().path("logicalTypeOptions"), out);
        return out;
    }

    static String show(Prop p) {
        return p.logicalType() + (p.physicalType() == null ? "" : " (" + p.physicalType() + ")");
    }

    private static void physical(String a, String b, List<Delta> out) {
        if (a == null || b == null || a.equalsIgnoreCase(b)) {
            return;
        }
        Matcher ma = SIZED.matcher(a);
        Matcher mb = SIZED.matcher(b);
        if (ma.matches() && mb.matches() && ma.group(1).equalsIgnoreCase(mb.group(1))) {
            int c = Integer.compare(Integer.parseInt(mb.group(2)), Integer.parseInt(ma.group(2)));
            int s = Integer.compare(num(mb.group(3)), num(ma.group(3)));
            boolean narrower = c < 0 || s < 0;
            out.add(new Delta(
                    narrower ? ChangeRule.TYPE_NARROWED : ChangeRule.TYPE_WIDENED,
                    "physicalType",
                    a,
                    b,
                    "physical type " + a + " → " + b + (narrower ? ": longer values no longer fit" : " (wider)")));
            return;
        }
        out.add(new Delta(ChangeRule.PHYSICAL_TYPE_CHANGED, "physicalType", a, b, "physical type " + a + " → " + b));
    }

    private static void options(JsonNode a, JsonNode b, List<Delta> out) {
        bound(a, b, "maxLength", true, out);
        bound(a, b, "maximum", true, out);
        bound(a, b, "maxItems", true, out);
        bound(a, b, "minLength", false, out);
        bound(a, b, "minimum", false, out);
        bound(a, b, "minItems", false, out);
        for (String exact : List.of("pattern", "format")) {
            String x = Docs.text(a, exact);
            String y = Docs.text(b, exact);
            if (Objects.equals(x, y)) {
                continue;
            }
            boolean looser = y == null;
            out.add(new Delta(
                    looser ? ChangeRule.TYPE_WIDENED : ChangeRule.TYPE_NARROWED,
                    "logicalTypeOptions." + exact,
                    x,
                    y,
                    exact
                            + (x == null ? " added: " + y : y == null ? " removed (" + x + ")" : " " + x + " → " + y)
                            + (looser ? "" : ": existing values may not match")));
        }
    }

    /** A bound: for a maximum a lower or new value narrows, for a minimum a higher or new value does. */
    private static void bound(JsonNode a, JsonNode b, String key, boolean max, List<Delta> out) {
        JsonNode x = a.get(key);
        JsonNode y = b.get(key);
        if (x == null && y == null || x != null && y != null && x.asDouble() == y.asDouble()) {
            return;
        }
        boolean narrower =
                y != null && (x == null || (max ? y.asDouble() < x.asDouble() : y.asDouble() > x.asDouble()));
        out.add(new Delta(
                narrower ? ChangeRule.TYPE_NARROWED : ChangeRule.TYPE_WIDENED,
                "logicalTypeOptions." + key,
                x == null ? null : x.asText(),
                y == null ? null : y.asText(),
                key + " " + (x == null ? "none" : x.asText()) + " → " + (y == null ? "none" : y.asText())));
    }

    private static int num(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
