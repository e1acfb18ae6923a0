package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two ODCS v3 contract documents (as parsed YAML or JSON; free text the gate fenced reads as its
 * text): every change with the rule that classifies it, renames detected instead of a remove plus an add, and
 * the version bump checked. Stateless and thread-safe.
 *
 * <pre>{@code
 * Diff d = ContractDiff.diff(activeDoc, proposedDoc, RuleSettings.DEFAULTS);
 * d.changes().forEach(c -> System.out.println(c.severity() + " " + c.path() + ": " + c.message()));
 * }</pre>
 */
public final class ContractDiff {
    private ContractDiff() {}

    /** Collects changes, applying the workspace's severities; {@code off} rules are left out. */
    static final class Sink {
        private final RuleSettings settings;
        final List<Change> changes = new ArrayList<>();

        Sink(RuleSettings settings) {
            this.settings = settings;
        }

        void add(ChangeRule rule, String path, String old, String neu, String message, String object, String prop) {
            Severity s = settings.severity(rule);
            if (s != Severity.OFF) {
                changes.add(new Change(rule.id(), s, path, old, neu, message, object, prop));
            }
        }
    }

    public static Diff diff(JsonNode old, JsonNode proposed, RuleSettings settings) {
        Sink sink = new Sink(settings);
        status(old, proposed, sink);
        if (!Objects.equals(Docs.description(old), Docs.description(proposed))) {
            sink.add(
                    ChangeRule.DESCRIPTION_CHANGED,
                    "description",
                    null,
                    null,
                    "the contract's description changed",
                    null,
                    null);
        }
        List<Diff.Rename> renames = new ArrayList<>();
        Map<String, JsonNode> oldObjects = objects(old);
        Map<String, JsonNode> newObjects = objects(proposed);
        oldObjects.forEach((name, o) -> {
            if (!newObjects.containsKey(name)) {
                sink.add(ChangeRule.OBJECT_REMOVED, name, name, null, "object " + name + " removed", name, null);
            }
        });
        newObjects.forEach((name, o) -> {
            if (!oldObjects.containsKey(name)) {
                sink.add(ChangeRule.OBJECT_ADDED, name, null, name, "object " + name + " added", name, null);
            }
        });
        List<Prop> oldProps = Prop.all(old);
        List<Prop> newProps = Prop.all(proposed);
        List<Prop> removed = new ArrayList<>();
        List<Prop> added = new ArrayList<>();
        Map<Prop, Prop> pairs = new LinkedHashMap<>();
        for (Prop o : oldProps) {
            if (!newObjects.containsKey(o.object())) {
                continue;
            }
            newProps.stream()
                    .filter(n -> n.object().equals(o.object()) && n.name().equals(o.name()))
                    .findFirst()
                    .ifPresentOrElse(n -> pairs.put(o, n), () -> removed.add(o));
        }
        for (Prop n : newProps) {
            if (oldObjects.containsKey(n.object()) && !pairs.containsValue(n)) {
                added.add(n);
            }
        }
        for (Renames.Rename r : Renames.find(removed, added)) {
            removed.remove(r.from());
            added.remove(r.to());
            pairs.put(r.from(), r.to());
            renames.add(new Diff.Rename(r.from().object(), r.from().name(), r.to().name(), r.why()));
            sink.add(
                    ChangeRule.PROPERTY_RENAMED,
                    r.from().object() + "." + r.from().name(),
                    r.from().name(),
                    r.to().name(),
                    "property " + r.from().name() + " renamed " + r.to().name() + " (" + r.why()
                            + "): old queries naming " + r.from().name() + " fail",
                    r.from().object(),
                    r.to().name());
        }
        for (Prop o : removed) {
            sink.add(
                    ChangeRule.PROPERTY_REMOVED,
                    o.object() + "." + o.name(),
                    Types.show(o),
                    null,
                    "property " + o.name() + " removed: consumers reading it break",
                    o.object(),
                    o.name());
        }
        for (Prop n : added) {
            boolean required = n.required() && n.defaultValue() == null;
            sink.add(
                    required ? ChangeRule.REQUIRED_PROPERTY_ADDED : ChangeRule.PROPERTY_ADDED,
                    n.object() + "." + n.name(),
                    null,
                    Types.show(n),
                    "property " + n.name() + " added, "
                            + (required
                                    ? "required without a default: writers must "
                                            + "provide it and existing rows have none"
                                    : n.required() ? "required with default " + n.defaultValue() : "optional"),
                    n.object(),
                    n.name());
        }
        pairs.forEach((o, n) -> PropertyDiff.compare(o, n, sink));
        for (String name : oldObjects.keySet()) {
            if (newObjects.containsKey(name)) {
                keys(name, oldProps, newProps, pairs, sink);
                for (Quality.Delta q : Quality.compare(
                        oldObjects.get(name).path("quality"),
                        newObjects.get(name).path("quality"))) {
                    sink.add(
                            q.rule(),
                            name + ".quality." + q.key(),
                            q.oldValue(),
                            q.newValue(),
                            q.message(),
                            name,
                            null);
                }
            }
        }
        Slas.compare(old, proposed, sink);
        return Versions.check(old, proposed, sink, renames);
    }

    private static void status(JsonNode old, JsonNode proposed, Sink sink) {
        String a = Docs.text(old, "status");
        String b = Docs.text(proposed, "status");
        if (Objects.equals(a, b) || b == null) {
            return;
        }
        if (b.equalsIgnoreCase("deprecated")) {
            sink.add(ChangeRule.STATUS_DEPRECATED, "status", a, b, "status " + a + " → deprecated", null, null);
        } else if (b.equalsIgnoreCase("retired")) {
            sink.add(
                    ChangeRule.STATUS_RETIRED,
                    "status",
                    a,
                    b,
                    "status " + a + " → retired: the data stops",
                    null,
                    null);
        }
    }

    /** Primary and partition keys, compared as ordered column lists with renames mapped. */
    private static void keys(
            String object, List<Prop> oldProps, List<Prop> newProps, Map<Prop, Prop> pairs, Sink sink) {
        List<String> pkOld = key(oldProps, object, pairs, true, "primaryKeyPosition");
        List<String> pkNew = key(newProps, object, null, true, "primaryKeyPosition");
        if (!pkOld.equals(pkNew)) {
            sink.add(
                    ChangeRule.PRIMARY_KEY_CHANGED,
                    object + ".primaryKey",
                    String.join(", ", pkOld),
                    String.join(", ", pkNew),
                    "primary key (" + String.join(", ", pkOld) + ") → (" + String.join(", ", pkNew)
                            + "): joins and upserts on the old key change",
                    object,
                    null);
        }
        List<String> partOld = key(oldProps, object, pairs, false, "partitionKeyPosition");
        List<String> partNew = key(newProps, object, null, false, "partitionKeyPosition");
        if (!partOld.equals(partNew)) {
            sink.add(
                    ChangeRule.PARTITION_KEY_CHANGED,
                    object + ".partitionKey",
                    String.join(", ", partOld),
                    String.join(", ", partNew),
                    "partition key (" + String.join(", ", partOld) + ") → (" + String.join(", ", partNew) + ")",
                    object,
                    null);
        }
    }

    private static List<String> key(
            List<Prop> props, String object, Map<Prop, Prop> renamed, boolean primary, String position) {
        return props.stream()
                .filter(p -> p.object().equals(object) && (primary ? p.primaryKey() : p.partitioned()))
                .sorted(Comparator.comparingInt(p -> p.node().path(position).asInt(p.position())))
                .map(p -> renamed != null && renamed.containsKey(p)
                        ? renamed.get(p).name()
                        : p.name())
                .toList();
    }

    private static Map<String, JsonNode> objects(JsonNode doc) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        doc.path("schema").forEach(o -> out.put(Docs.name(o), o));
        return out;
    }
}
