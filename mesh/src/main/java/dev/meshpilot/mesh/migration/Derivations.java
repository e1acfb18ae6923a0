package dev.meshpilot.mesh.migration;

import static dev.meshpilot.mesh.migration.SqlTypes.quote;

import dev.meshpilot.mesh.migration.Verification.Status;
import dev.meshpilot.mesh.migration.Verification.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs a consumer's own derivation of a column ({@code transformLogic}) over the compatibility view and over the
 * table before the migration, and compares the values row for row. The expression comes from the mesh: it runs
 * with the scratch database set to query-only, one expression, no statement separators; one written for another
 * engine (BigQuery's {@code PARSE_DATE}) is reported as not run, with SQLite's message.
 */
final class Derivations {
    private Derivations() {}

    /** {@code key}: the old shape's primary key columns, so values compare row by row (else as sets). */
    static void check(
            Connection c,
            String consumer,
            ScratchVerifier.Derivation d,
            String table,
            String compat,
            List<String> key,
            List<Step> steps)
            throws SQLException {
        String name = "old derivation " + consumer + "." + d.column() + " on " + compat;
        String expr = d.expression().strip();
        if (expr.contains(";") || expr.contains("--") || expr.contains("/*")) {
            steps.add(new Step(name, Status.SKIPPED, "not run: `" + expr + "` is not a single expression"));
            return;
        }
        String alias = quote(d.object());
        String keys = key.stream().map(k -> alias + "." + quote(k) + ", ").reduce("", String::concat);
        String after = "SELECT " + keys + expr + " AS v FROM " + quote(compat) + " AS " + alias;
        String before = "SELECT " + keys + expr + " AS v FROM " + quote(table + "__before") + " AS " + alias;
        // the expression is contract text: it runs read-only, whatever it says
        String engine = c.getMetaData().getDatabaseProductName();
        boolean postgres = engine.equals("PostgreSQL");
        try (Statement st = c.createStatement()) {
            st.execute(postgres ? "SET default_transaction_read_only = on" : "PRAGMA query_only = 1");
        }
        try {
            long rows = ScratchVerifier.count(c, "SELECT count(*) FROM (" + after + ") AS r");
            long differ = ScratchVerifier.count(c, "SELECT count(*) FROM (" + before + " EXCEPT " + after + ") AS r")
                    + ScratchVerifier.count(c, "SELECT count(*) FROM (" + after + " EXCEPT " + before + ") AS r");
            steps.add(new Step(
                    name,
                    differ == 0 ? Status.PASS : Status.FAIL,
                    "`" + expr + "` over " + rows + " rows: "
                            + (differ == 0 ? "the same values as before the migration" : differ + " values differ")));
        } catch (SQLException e) {
            steps.add(new Step(name, Status.SKIPPED, "not run on " + engine + " (`" + expr + "`): " + e.getMessage()));
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute(postgres ? "SET default_transaction_read_only = off" : "PRAGMA query_only = 0");
            }
        }
    }
}
