package dev.meshpilot.mesh.migration;

import static dev.meshpilot.mesh.migration.SqlTypes.quote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.migration.Verification.Status;
import dev.meshpilot.mesh.migration.Verification.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Checks the new contract on the migrated data, read through the view of the new shape: required columns
 * without nulls, keys and unique columns without duplicates, values of the declared type, pattern, length and
 * allowed values, and the library quality rules (nullValues, duplicateValues, invalidValues, rowCount).
 */
final class NewShape {
    private NewShape() {}

    static void check(
            Connection c, Diff diff, JsonNode old, JsonNode neu, UnaryOperator<String> table, List<Step> steps)
            throws SQLException {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int newMajor = PlanWriter.newMajor(diff);
        for (JsonNode o : neu.path("schema")) {
            String object = Docs.name(o);
            String v = quote(table.apply(object) + "_v" + newMajor);
            if (ScratchVerifier.count(
                            c,
                            "SELECT count(*) FROM sqlite_master WHERE name = '"
                                    + table.apply(object).replace("'", "''") + "_v" + newMajor + "'")
                    == 0) {
                continue;
            }
            long total = ScratchVerifier.count(c, "SELECT count(*) FROM " + v);
            Columns cols = Columns.of(object, old, neu, diff, newMajor);
            for (Columns.Column col : cols.columns()) {
                Prop p = col.to();
                new Rules(c, v, quote(p.column()), p.column(), total, passed, failed, skipped)
                        .before(quote(table.apply(object) + "__before"), col.from())
                        .check(p);
            }
            for (JsonNode q : o.path("quality")) {
                if ("rowCount".equals(Docs.text(q, "metric"))) {
                    Rules.threshold(q, total, "rows", object + " rowCount " + total, passed, failed);
                }
            }
        }
        String evidence = (failed.isEmpty() ? "" : "FAILED: " + String.join("; ", failed) + ". ")
                + "passed: " + String.join("; ", passed)
                + (skipped.isEmpty() ? "" : ". not run here: " + String.join("; ", skipped));
        steps.add(new Step(
                "new contract's constraints and quality rules",
                failed.isEmpty() ? Status.PASS : Status.FAIL,
                evidence));
    }

    /** After the rehearsed contract step, the table has exactly the new contract's columns, in order. */
    static void afterContract(Connection c, JsonNode neu, UnaryOperator<String> table, List<Step> steps)
            throws SQLException {
        List<String> evidence = new ArrayList<>();
        boolean ok = true;
        for (JsonNode o : neu.path("schema")) {
            String object = Docs.name(o);
            List<String> expected = Prop.all(neu).stream()
                    .filter(p -> p.object().equals(object) && !p.name().contains("."))
                    .map(Prop::column)
                    .toList();
            List<String> actual = new ArrayList<>();
            try (var st = c.createStatement();
                    var rs = st.executeQuery("PRAGMA table_info(" + quote(table.apply(object)) + ")")) {
                while (rs.next()) {
                    actual.add(rs.getString("name"));
                }
            }
            if (actual.isEmpty()) {
                continue;
            }
            boolean same = actual.equals(expected);
            ok &= same;
            evidence.add(table.apply(object) + " columns " + (same ? "match the new contract (" : "differ: ")
                    + actual.stream().collect(Collectors.joining(", ")) + (same ? ")" : " vs " + expected));
        }
        steps.add(new Step(
                "table in the new shape after the contract step",
                ok ? Status.PASS : Status.FAIL,
                String.join("; ", evidence)));
    }
}
