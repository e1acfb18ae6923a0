package dev.meshpilot.mesh.migration;

import static dev.meshpilot.mesh.migration.SqlTypes.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Writes the expand/contract migration of a {@link Diff} for a dialect: new columns beside the old, a backfill,
 * a compatibility view named {@code <table>_v<old major>} in the old shape and a view of the new shape, then
 * the gated contract step. Nothing is run here. Stateless and thread-safe.
 *
 * <pre>{@code
 * MigrationPlan p = PlanWriter.write(diff, oldDoc, newDoc, Dialect.SQLITE, object -> "customers__customer_profile", "2026-12-25");
 * }</pre>
 */
public final class PlanWriter {
    private static final Set<String> CONSTRAINT_RULES = Set.of(
            ChangeRule.OPTIONAL_TO_REQUIRED.id(),
            ChangeRule.REQUIRED_PROPERTY_ADDED.id(),
            ChangeRule.UNIQUE_ADDED.id(),
            ChangeRule.PRIMARY_KEY_CHANGED.id());

    private PlanWriter() {}

    public static MigrationPlan write(
            Diff diff, JsonNode old, JsonNode neu, Dialect d, UnaryOperator<String> table, String gatedUntil) {
        List<String> expand = new ArrayList<>();
        List<String> backfill = new ArrayList<>();
        List<String> views = new ArrayList<>();
        List<String> contract = new ArrayList<>();
        List<String> compat = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!diff.migrationNeeded()) {
            notes.add("No migration needed: no change touches the stored shape.");
            return new MigrationPlan(d, expand, backfill, views, contract, gatedUntil, compat, notes);
        }
        int oldMajor = major(diff.oldVersion());
        int newMajor = newMajor(diff);
        for (JsonNode n : neu.path("schema")) {
            String object = Docs.name(n);
            boolean existed = false;
            for (JsonNode o : old.path("schema")) {
                existed |= Docs.name(o).equals(object);
            }
            if (!existed) {
                expand.add(createOld(neu, object, table.apply(object), d));
                notes.add("Object " + object + " is new: its table is created in the expand step.");
            }
        }
        for (JsonNode o : old.path("schema")) {
            String object = Docs.name(o);
            boolean kept = false;
            for (JsonNode n : neu.path("schema")) {
                kept |= Docs.name(n).equals(object);
            }
            String t = table.apply(object);
            if (!kept) {
                contract.add("DROP TABLE " + quote(t));
                notes.add("Object " + object + " is removed: its table is dropped in the contract step only.");
                continue;
            }
            Columns cols = Columns.of(object, old, neu, diff, newMajor);
            boolean constraints = diff.changes().stream()
                    .anyMatch(c -> object.equals(c.object()) && CONSTRAINT_RULES.contains(c.rule()));
            if (!cols.changes() && !constraints) {
                continue;
            }
            for (Columns.Column c : cols.columns()) {
                if (c.added() || c.moved()) {
                    expand.add("ALTER TABLE " + quote(t) + " ADD COLUMN " + quote(c.transitional()) + " "
                            + SqlTypes.type(c.to(), d));
                }
                if (c.moved()) {
                    backfill.add("UPDATE " + quote(t) + " SET " + quote(c.transitional()) + " = "
                            + SqlTypes.convert(quote(c.from().column()), c.from(), c.to(), d));
                } else if (c.added() && c.to().defaultValue() != null) {
                    backfill.add("UPDATE " + quote(t) + " SET " + quote(c.transitional()) + " = "
                            + literal(c.to().defaultValue()) + " WHERE " + quote(c.transitional()) + " IS NULL");
                }
            }
            String compatName = t + "_v" + oldMajor;
            compat.add(compatName);
            views.add(
                    "CREATE VIEW " + quote(compatName) + " AS SELECT " + compatColumns(cols, d) + " FROM " + quote(t));
            views.add("CREATE VIEW " + quote(t + "_v" + newMajor) + " AS SELECT " + newColumns(cols) + " FROM "
                    + quote(t));
            contract.add("DROP VIEW " + quote(compatName));
            contract.add("DROP VIEW " + quote(t + "_v" + newMajor));
            if (d == Dialect.SQLITE) {
                Contraction.sqlite(t, cols, contract);
            } else {
                Contraction.postgres(t, cols, diff, object, contract);
            }
            cols.columns().stream()
                    .filter(c -> c.added() && c.to().required() && c.to().defaultValue() == null)
                    .forEach(c -> notes.add(c.to().name() + " is required and has no default: the producer fills it"
                            + " before the contract step makes it NOT NULL."));
            if (cols.columns().stream().anyMatch(Columns.Column::moved)) {
                notes.add("Until the contract step the producer writes both the old and the new columns of " + t
                        + " (or re-runs the backfill after each load); the compatibility view " + compatName
                        + " reads the new ones.");
            }
        }
        return new MigrationPlan(d, expand, backfill, views, contract, gatedUntil, compat, notes);
    }

    /** {@code CREATE TABLE} for an object's old shape: the scratch database's starting point. */
    public static String createOld(JsonNode old, String object, String table, Dialect d) {
        List<Prop> props = Prop.all(old).stream()
                .filter(p -> p.object().equals(object) && !p.name().contains("."))
                .toList();
        return Contraction.create(table, props, d);
    }

    private static String compatColumns(Columns cols, Dialect d) {
        List<String> out = new ArrayList<>();
        for (Prop o : cols.oldProps()) {
            Columns.Column c = cols.columns().stream()
                    .filter(x -> x.from() == o)
                    .findFirst()
                    .orElse(null);
            if (c == null) {
                out.add(quote(o.column()));
            } else if (c.moved()) {
                out.add(SqlTypes.convert(quote(c.transitional()), c.to(), o, d) + " AS " + quote(o.column()));
            } else {
                out.add(quote(o.column()));
            }
        }
        return String.join(", ", out);
    }

    private static String newColumns(Columns cols) {
        return cols.columns().stream()
                .map(c -> c.transitional().equals(c.to().column())
                        ? quote(c.to().column())
                        : quote(c.transitional()) + " AS " + quote(c.to().column()))
                .collect(Collectors.joining(", "));
    }

    static String literal(String v) {
        return v.matches("-?\\d+(\\.\\d+)?") ? v : "'" + v.replace("'", "''") + "'";
    }

    /** The major version of the new shape's view: the new version's, at least one above the old. */
    static int newMajor(Diff diff) {
        return Math.max(major(diff.newVersion()), major(diff.oldVersion()) + 1);
    }

    static int major(String version) {
        int[] v = SemVer.parse(version);
        return v == null ? 1 : v[0];
    }
}
