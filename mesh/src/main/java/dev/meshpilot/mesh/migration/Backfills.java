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

/** Checks the backfill lost nothing: every old value that was set has a value in its new column. */
final class Backfills {
    private Backfills() {}

    static boolean check(
            Connection c, Diff diff, JsonNode old, JsonNode neu, UnaryOperator<String> table, List<Step> steps)
            throws SQLException {
        List<String> evidence = new ArrayList<>();
        boolean ok = true;
        for (JsonNode o : neu.path("schema")) {
            String object = Docs.name(o);
            if (Prop.all(old).stream().noneMatch(p -> p.object().equals(object))) {
                continue;
            }
            String t = quote(table.apply(object));
            Columns cols = Columns.of(object, old, neu, diff, PlanWriter.newMajor(diff));
            for (Columns.Column col : cols.columns()) {
                if (!col.moved()) {
                    continue;
                }
                String from = quote(col.from().column());
                String to = quote(col.transitional());
                long set = ScratchVerifier.count(c, "SELECT count(*) FROM " + t + " WHERE " + from + " IS NOT NULL");
                long lost = ScratchVerifier.count(
                        c, "SELECT count(*) FROM " + t + " WHERE " + from + " IS NOT NULL AND " + to + " IS NULL");
                evidence.add(col.from().column() + " → " + col.transitional() + ": " + (set - lost) + " of " + set
                        + " set values carried over" + (lost > 0 ? ", " + lost + " could not be converted" : ""));
                ok &= lost == 0;
            }
        }
        if (!evidence.isEmpty()) {
            steps.add(new Step("backfill complete", ok ? Status.PASS : Status.FAIL, String.join("; ", evidence)));
        }
        return ok;
    }
}
