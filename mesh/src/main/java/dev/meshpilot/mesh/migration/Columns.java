package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How one object's columns move from the old shape to the new: each new column with the old column it comes
 * from (null when added), the column it lives in during the transition ({@code phone_number}, or
 * {@code birth_date__v2} for a retyped column that keeps its name), and the old columns that go.
 */
record Columns(String object, List<Column> columns, List<Prop> removed, List<Prop> oldProps) {
    /** A column of the new shape. */
    record Column(Prop to, Prop from, String transitional) {
        boolean added() {
            return from == null;
        }

        boolean moved() {
            return from != null && !transitional.equals(from.column());
        }
    }

    static Columns of(String object, JsonNode old, JsonNode neu, Diff diff, int newMajor) {
        List<Prop> oldProps = top(Prop.all(old), object);
        List<Prop> newProps = top(Prop.all(neu), object);
        List<Column> cols = new ArrayList<>();
        List<Prop> used = new ArrayList<>();
        for (Prop n : newProps) {
            String fromName = diff.renames().stream()
                    .filter(r -> r.object().equals(object) && r.to().equals(n.name()))
                    .map(Diff.Rename::from)
                    .findFirst()
                    .orElse(n.name());
            Prop from = oldProps.stream()
                    .filter(o -> o.name().equals(fromName))
                    .findFirst()
                    .orElse(null);
            if (from != null
                    && fromName.equals(n.name())
                    && diff.renames().stream()
                            .anyMatch(r -> r.object().equals(object) && r.from().equals(fromName))) {
                from = null; // the old column of this name was renamed away; this one is new
            }
            String trans = n.column();
            if (from != null) {
                used.add(from);
                boolean retyped = !SqlTypes.logical(from).equals(SqlTypes.logical(n))
                        || !SqlTypes.type(from, Dialect.POSTGRESQL).equals(SqlTypes.type(n, Dialect.POSTGRESQL));
                if (retyped && n.column().equals(from.column())) {
                    trans = n.column() + "__v" + newMajor;
                }
            } else if (oldProps.stream().anyMatch(o -> o.column().equals(n.column()))) {
                trans = n.column() + "__v" + newMajor;
            }
            cols.add(new Column(n, from, trans));
        }
        List<Prop> removed = new ArrayList<>(oldProps);
        removed.removeAll(used);
        return new Columns(object, cols, removed, oldProps);
    }

    /** Whether the stored shape of this object changes at all. */
    boolean changes() {
        return !removed.isEmpty() || columns.stream().anyMatch(c -> c.added() || c.moved());
    }

    private static List<Prop> top(List<Prop> props, String object) {
        return props.stream()
                .filter(p -> p.object().equals(object) && !p.name().contains("."))
                .toList();
    }
}
