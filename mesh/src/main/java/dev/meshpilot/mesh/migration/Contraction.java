package dev.meshpilot.mesh.migration;

import static dev.meshpilot.mesh.migration.SqlTypes.quote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The contract step per dialect, and the {@code CREATE TABLE} of a shape. */
final class Contraction {
    private Contraction() {}

    /** SQLite cannot add NOT NULL or a primary key in place: the table is rebuilt in the new shape. */
    static void sqlite(String t, Columns cols, List<String> out) {
        String next = t + "__next";
        out.add(create(next, cols.columns().stream().map(Columns.Column::to).toList(), Dialect.SQLITE));
        String names = cols.columns().stream().map(c -> quote(c.to().column())).collect(Collectors.joining(", "));
        String source =
                cols.columns().stream().map(c -> quote(c.transitional())).collect(Collectors.joining(", "));
        out.add("INSERT INTO " + quote(next) + " (" + names + ") SELECT " + source + " FROM " + quote(t));
        out.add("DROP TABLE " + quote(t));
        out.add("ALTER TABLE " + quote(next) + " RENAME TO " + quote(t));
    }

    static void postgres(String t, Columns cols, Diff diff, String object, List<String> out) {
        String q = quote(t);
        for (Columns.Column c : cols.columns()) {
            if (c.moved()) {
                out.add("ALTER TABLE " + q + " DROP COLUMN " + quote(c.from().column()));
            }
        }
        for (Prop r : cols.removed()) {
            out.add("ALTER TABLE " + q + " DROP COLUMN " + quote(r.column()));
        }
        for (Columns.Column c : cols.columns()) {
            if (!c.transitional().equals(c.to().column())) {
                out.add("ALTER TABLE " + q + " RENAME COLUMN " + quote(c.transitional()) + " TO "
                        + quote(c.to().column()));
            }
        }
        for (Columns.Column c : cols.columns()) {
            boolean nowRequired =
                    c.to().required() && (c.from() == null || !c.from().required());
            if (nowRequired && !c.to().primaryKey()) {
                out.add("ALTER TABLE " + q + " ALTER COLUMN " + quote(c.to().column()) + " SET NOT NULL");
            }
            boolean nowUnique = c.to().unique()
                    && !c.to().primaryKey()
                    && (c.from() == null || !c.from().unique());
            if (nowUnique) {
                out.add("ALTER TABLE " + q + " ADD CONSTRAINT " + quote(t + "_" + c.to().column() + "_key")
                        + " UNIQUE (" + quote(c.to().column()) + ")");
            }
        }
        boolean pk = diff.changes().stream()
                .anyMatch(c -> object.equals(c.object()) && c.rule().equals(ChangeRule.PRIMARY_KEY_CHANGED.id()));
        if (pk) {
            out.add("ALTER TABLE " + q + " DROP CONSTRAINT IF EXISTS " + quote(t + "_pkey"));
            List<String> key =
                    primaryKey(cols.columns().stream().map(Columns.Column::to).toList());
            if (!key.isEmpty()) {
                out.add("ALTER TABLE " + q + " ADD PRIMARY KEY (" + String.join(", ", key) + ")");
            }
        }
    }

    static String create(String table, List<Prop> props, Dialect d) {
        List<String> defs = new ArrayList<>();
        for (Prop p : props) {
            defs.add(quote(p.column()) + " " + SqlTypes.type(p, d) + (p.required() || p.primaryKey() ? " NOT NULL" : "")
                    + (p.unique() && !p.primaryKey() ? " UNIQUE" : ""));
        }
        List<String> key = primaryKey(props);
        if (!key.isEmpty()) {
            defs.add("PRIMARY KEY (" + String.join(", ", key) + ")");
        }
        return "CREATE TABLE " + quote(table) + " (" + String.join(", ", defs) + ")";
    }

    private static List<String> primaryKey(List<Prop> props) {
        return props.stream()
                .filter(Prop::primaryKey)
                .sorted(Comparator.comparingInt(
                        p -> p.node().path("primaryKeyPosition").asInt(p.position())))
                .map(p -> quote(p.column()))
                .toList();
    }
}
