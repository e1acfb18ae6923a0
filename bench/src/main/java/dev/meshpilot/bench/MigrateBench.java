package dev.meshpilot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.migration.ContractDiff;
import dev.meshpilot.mesh.migration.Dialect;
import dev.meshpilot.mesh.migration.Diff;
import dev.meshpilot.mesh.migration.MigrationPlan;
import dev.meshpilot.mesh.migration.PlanWriter;
import dev.meshpilot.mesh.migration.RuleSettings;
import dev.meshpilot.mesh.migration.ScratchVerifier;
import dev.meshpilot.mesh.migration.Verification;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code meshpilot bench migrate}: the migration agent's own work, without tool calls — the diff and both plans
 * (SQLite, PostgreSQL) of a generated contract of {@code --properties} columns against a proposal that renames,
 * retypes, adds, removes, tightens and reclassifies a share of them; then the scratch SQLite verification of a
 * 12-column contract's change with {@code --rows} generated rows. Each timed after a warm-up.
 */
public final class MigrateBench {
    private static final UnaryOperator<String> TABLE = o -> "bench_table";

    private MigrateBench() {}

    public static void run(int properties, int rows, int iterations, PrintWriter out) {
        JsonNode old = contract(properties, false);
        JsonNode neu = contract(properties, true);
        Diff d = ContractDiff.diff(old, neu, RuleSettings.DEFAULTS);
        for (int i = 0; i < 20; i++) {
            plan(old, neu);
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long s = System.nanoTime();
            plan(old, neu);
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        out.printf(
                "diff + SQLite and PostgreSQL plans of a %,d-property contract (%,d changes, %d renames, verdict %s), "
                        + "%,d runs after 20 warm-up: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                properties,
                d.changes().size(),
                d.renames().size(),
                d.changes().isEmpty()
                        ? "none"
                        : d.changes().stream()
                                .map(c -> c.severity())
                                .min(Enum::compareTo)
                                .get()
                                .wireName(),
                iterations,
                Percentiles.millis(nanos, 50),
                Percentiles.millis(nanos, 95),
                Percentiles.millis(nanos, 100));
        out.flush();
        JsonNode small = contract(12, false);
        JsonNode smallNew = contract(12, true);
        Diff sd = ContractDiff.diff(small, smallNew, RuleSettings.DEFAULTS);
        MigrationPlan sqlite = PlanWriter.write(sd, small, smallNew, Dialect.SQLITE, TABLE, "2030-01-01");
        verify(sd, small, smallNew, sqlite, 1000);
        int runs = Math.max(3, Math.min(10, iterations / 10));
        long[] v = new long[runs];
        Verification last = null;
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            last = verify(sd, small, smallNew, sqlite, rows);
            v[i] = System.nanoTime() - s;
        }
        Arrays.sort(v);
        out.printf(
                "scratch SQLite verification of a 12-column change with %,d generated rows (%d steps, %s), %d runs: "
                        + "p50 %.0f ms, max %.0f ms%n",
                rows,
                last.steps().size(),
                last.passed()
                        ? "none failed"
                        : "FAILED: "
                                + last.steps().stream()
                                        .filter(x -> x.status() == Verification.Status.FAIL)
                                        .map(Verification.Step::name)
                                        .toList(),
                runs,
                Percentiles.millis(v, 50),
                Percentiles.millis(v, 100));
        out.flush();
    }

    private static void plan(JsonNode old, JsonNode neu) {
        Diff d = ContractDiff.diff(old, neu, RuleSettings.DEFAULTS);
        PlanWriter.write(d, old, neu, Dialect.SQLITE, TABLE, "2030-01-01");
        PlanWriter.write(d, old, neu, Dialect.POSTGRESQL, TABLE, "2030-01-01");
    }

    private static Verification verify(Diff d, JsonNode old, JsonNode neu, MigrationPlan plan, int rows) {
        return ScratchVerifier.verify(
                d,
                old,
                neu,
                plan,
                TABLE,
                Map.of(),
                List.of(new ScratchVerifier.ConsumerRead("bench.consumer", List.of("c_1", "c_2", "c_3"))),
                rows);
    }

    /**
     * A contract of {@code n} columns: {@code c_0} the key, then strings, dates as text, integers, numbers and
     * booleans in turn. The proposal (version 2.0.0) renames every 20th column, turns every 25th date-text
     * column into a date, adds one optional column per 50, removes every 100th, makes every 40th (from the 27th) required and
     * raises every 60th to pii.
     */
    static JsonNode contract(int n, boolean proposed) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode()
                .put("apiVersion", "v3.1.0")
                .put("kind", "DataContract")
                .put("id", "bench")
                .put("version", proposed ? "2.0.0" : "1.0.0")
                .put("status", "active");
        ObjectNode table = doc.putArray("schema").addObject().put("name", "bench_table");
        ArrayNode props = table.putArray("properties");
        String[] types = {"string", "string", "integer", "number", "boolean"};
        for (int i = 0; i < n; i++) {
            if (proposed && i > 0 && i % 100 == 0) {
                continue;
            }
            String type = i == 0 ? "string" : types[i % types.length];
            boolean dateText = type.equals("string") && i % 5 == 1;
            ObjectNode p = props.addObject();
            p.put("name", proposed && i > 0 && i % 20 == 3 ? "c_" + i + "_renamed" : "c_" + i);
            boolean retype = proposed && dateText && i % 25 == 6;
            p.put("logicalType", retype ? "date" : type);
            p.put("required", i == 0 || (proposed && i % 40 == 27));
            p.put("description", "Column " + i + " of the benchmark table, " + type + ".");
            p.put("classification", proposed && i % 60 == 9 ? "pii" : "internal");
            if (i == 0) {
                p.put("primaryKey", true).put("unique", true);
            }
            if (dateText && !retype) {
                p.putObject("logicalTypeOptions").put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
            }
            if (proposed && i % 50 == 11) {
                props.addObject()
                        .put("name", "added_" + i)
                        .put("logicalType", "string")
                        .put("required", false)
                        .put("description", "A column the proposal adds.");
            }
        }
        return doc;
    }
}
