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
 * Runs the old consumers' reads against the compatibility view and compares them with the same read of the
 * table before the migration, row for row: a consumer is covered when both sides hold the same rows.
 */
final class OldReads {
    private OldReads() {}

    static void check(
            Connection c,
            JsonNode old,
            MigrationPlan plan,
            UnaryOperator<String> table,
            List<ScratchVerifier.ConsumerRead> consumers,
            List<Step> steps)
            throws SQLException {
        for (JsonNode o : old.path("schema")) {
            String object = Docs.name(o);
            String t = table.apply(object);
            String compat = plan.compatViews().stream()
                    .filter(v -> v.startsWith(t + "_v"))
                    .findFirst()
                    .orElse(null);
            if (compat == null) {
                continue;
            }
            List<String> all = Prop.all(old).stream()
                    .filter(p -> p.object().equals(object) && !p.name().contains("."))
                    .map(Prop::column)
                    .toList();
            List<ScratchVerifier.ConsumerRead> reads = new ArrayList<>();
            reads.add(new ScratchVerifier.ConsumerRead("SELECT * (the whole old shape)", all));
            for (ScratchVerifier.ConsumerRead r : consumers) {
                List<String> cols = r.columns().stream().filter(all::contains).toList();
                if (!cols.isEmpty()) {
                    reads.add(new ScratchVerifier.ConsumerRead(r.consumer(), cols));
                }
            }
            for (ScratchVerifier.ConsumerRead r : consumers) {
                for (ScratchVerifier.Derivation d : r.derivations()) {
                    if (d.object().equals(object)) {
                        List<String> key = Prop.all(old).stream()
                                .filter(p -> p.object().equals(object) && p.primaryKey())
                                .map(Prop::column)
                                .toList();
                        Derivations.check(c, r.consumer(), d, t, compat, key, steps);
                    }
                }
            }
            for (ScratchVerifier.ConsumerRead r : reads) {
                String cols = r.columns().stream().map(SqlTypes::quote).collect(Collectors.joining(", "));
                String before = "SELECT " + cols + " FROM " + quote(t + "__before");
                String after = "SELECT " + cols + " FROM " + quote(compat);
                try {
                    long rows = ScratchVerifier.count(c, "SELECT count(*) FROM (" + after + ") AS r");
                    long missing =
                            ScratchVerifier.count(c, "SELECT count(*) FROM (" + before + " EXCEPT " + after + ") AS r");
                    long extra =
                            ScratchVerifier.count(c, "SELECT count(*) FROM (" + after + " EXCEPT " + before + ") AS r");
                    boolean ok = missing == 0 && extra == 0;
                    steps.add(new Step(
                            "old read by " + r.consumer() + " on " + compat,
                            ok ? Status.PASS : Status.FAIL,
                            "`" + after + "`: " + rows + " rows; "
                                    + (ok
                                            ? "identical to the table " + "before the migration"
                                            : missing + " rows of the old table missing, " + extra + " rows differ")));
                } catch (SQLException e) {
                    steps.add(new Step(
                            "old read by " + r.consumer() + " on " + compat,
                            Status.FAIL,
                            "`" + after + "` failed: " + e.getMessage()));
                }
            }
        }
    }
}
