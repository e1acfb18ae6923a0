package dev.meshpilot.mesh.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Compares one property in two versions (the same name, or a rename): type, nullability, keys, values. */
final class PropertyDiff {
    /** Classification levels, lowest first; unknown labels compare as changed, for review. */
    static final Map<String, Integer> LEVELS = Map.of(
            "public", 0, "internal", 1, "confidential", 2, "restricted", 3, "sensitive", 3, "pii", 4, "secret", 5);

    private PropertyDiff() {}

    static void compare(Prop o, Prop n, ContractDiff.Sink sink) {
        String at = n.object() + "." + n.name();
        String obj = n.object();
        for (Types.Delta t : Types.compare(o, n)) {
            sink.add(
                    t.rule(),
                    at + "." + t.field(),
                    t.oldValue(),
                    t.newValue(),
                    n.name() + ": " + t.message(),
                    obj,
                    n.name());
        }
        if (!o.required() && n.required()) {
            sink.add(
                    ChangeRule.OPTIONAL_TO_REQUIRED,
                    at + ".required",
                    "false",
                    "true",
                    n.name() + " becomes required: existing nulls violate it and writers must always set it",
                    obj,
                    n.name());
        } else if (o.required() && !n.required()) {
            sink.add(
                    ChangeRule.REQUIRED_TO_OPTIONAL,
                    at + ".required",
                    "true",
                    "false",
                    n.name() + " becomes optional: consumers may now read nulls",
                    obj,
                    n.name());
        }
        if (!o.unique() && n.unique() && !n.primaryKey()) {
            sink.add(
                    ChangeRule.UNIQUE_ADDED,
                    at + ".unique",
                    "false",
                    "true",
                    n.name() + " must now be unique: existing duplicates violate it",
                    obj,
                    n.name());
        } else if (o.unique() && !n.unique() && !n.primaryKey()) {
            sink.add(
                    ChangeRule.UNIQUE_REMOVED,
                    at + ".unique",
                    "true",
                    "false",
                    n.name() + " is no longer promised unique",
                    obj,
                    n.name());
        }
        classification(o, n, at, sink);
        allowed(o, n, at, sink);
        for (Quality.Delta q :
                Quality.compare(o.node().path("quality"), n.node().path("quality"))) {
            sink.add(
                    q.rule(),
                    at + ".quality." + q.key(),
                    q.oldValue(),
                    q.newValue(),
                    n.name() + ": " + q.message(),
                    obj,
                    n.name());
        }
        if (o.name().equals(n.name()) && !Objects.equals(o.description(), n.description())) {
            sink.add(
                    ChangeRule.DESCRIPTION_CHANGED,
                    at + ".description",
                    null,
                    null,
                    n.name() + ": description changed",
                    obj,
                    n.name());
        }
    }

    private static void classification(Prop o, Prop n, String at, ContractDiff.Sink sink) {
        String a = lower(o.classification());
        String b = lower(n.classification());
        if (Objects.equals(a, b)) {
            return;
        }
        int x = a == null ? 0 : LEVELS.getOrDefault(a, -1);
        int y = b == null ? 0 : LEVELS.getOrDefault(b, -1);
        boolean raised = x >= 0 && y >= 0 ? y > x : true;
        sink.add(
                raised ? ChangeRule.CLASSIFICATION_RAISED : ChangeRule.CLASSIFICATION_LOWERED,
                at + ".classification",
                o.classification(),
                n.classification(),
                n.name() + ": classification " + o.classification() + " → " + n.classification()
                        + (raised ? ": readers without the clearance lose access" : ""),
                n.object(),
                n.name());
    }

    private static void allowed(Prop o, Prop n, String at, ContractDiff.Sink sink) {
        List<String> a = o.allowedValues();
        List<String> b = n.allowedValues();
        if (a.isEmpty() && b.isEmpty()) {
            return;
        }
        List<String> gone = new ArrayList<>(a);
        gone.removeAll(b);
        List<String> added = new ArrayList<>(b);
        added.removeAll(a);
        if (!gone.isEmpty() && !b.isEmpty()) {
            sink.add(
                    ChangeRule.ALLOWED_VALUE_REMOVED,
                    at + ".allowedValues",
                    String.join(", ", gone),
                    null,
                    n.name() + ": allowed values removed: " + String.join(", ", gone)
                            + " (existing rows and old writers may hold them)",
                    n.object(),
                    n.name());
        }
        if (!added.isEmpty() && !a.isEmpty()) {
            sink.add(
                    ChangeRule.ALLOWED_VALUE_ADDED,
                    at + ".allowedValues",
                    null,
                    String.join(", ", added),
                    n.name() + ": allowed values added: " + String.join(", ", added)
                            + " (consumers with exhaustive mappings need them)",
                    n.object(),
                    n.name());
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
