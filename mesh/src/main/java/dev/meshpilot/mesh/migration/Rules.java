package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** The checks of one column of the new shape, each recorded as passed, failed or not run, with its numbers. */
final class Rules {
    private final Connection c;
    private final String view;
    private final String col;
    private final String name;
    private final long total;
    private final List<String> passed;
    private final List<String> failed;
    private final List<String> skipped;
    private String before;
    private String beforeCol;
    private JsonNode oldQuality;

    Rules(
            Connection c,
            String view,
            String col,
            String name,
            long total,
            List<String> passed,
            List<String> failed,
            List<String> skipped) {
        this.c = c;
        this.view = view;
        this.col = col;
        this.name = name;
        this.total = total;
        this.passed = passed;
        this.failed = failed;
        this.skipped = skipped;
    }

    /**
     * The table before the migration and the old column: a quality rule the old contract had too that fails as
     * much there is reported as already failing, not as caused by the migration.
     */
    Rules before(String table, Prop old) {
        if (old != null) {
            this.before = table;
            this.beforeCol = quote(old.column());
            this.oldQuality = old.node().path("quality");
        }
        return this;
    }

    private static String quote(String id) {
        return SqlTypes.quote(id);
    }

    void check(Prop p) throws SQLException {
        if (p.required() || p.primaryKey()) {
            record("required", where(col + " IS NULL"), "nulls");
        }
        if (p.unique() || p.primaryKey()) {
            long dup = ScratchVerifier.count(
                    c, "SELECT count(*) - count(DISTINCT " + col + ") FROM " + view + " WHERE " + col + " IS NOT NULL");
            record(p.primaryKey() ? "primary key unique" : "unique", dup, "duplicates");
        }
        switch (SqlTypes.logical(p)) {
            case "date" ->
                record(
                        "date values",
                        where(col + " IS NOT NULL AND date(" + col + ") IS NOT " + col),
                        "not yyyy-MM-dd dates");
            case "integer" ->
                record(
                        "integer values",
                        where(col + " IS NOT NULL AND typeof(" + col + ") <> 'integer'"),
                        "not integers");
            case "boolean" ->
                record("boolean values", where(col + " IS NOT NULL AND " + col + " NOT IN (0, 1)"), "not booleans");
            default -> {}
        }
        JsonNode opts = p.node().path("logicalTypeOptions");
        String pattern = Docs.text(opts, "pattern");
        if (pattern != null) {
            record(
                    "pattern",
                    where(col + " IS NOT NULL AND NOT (" + col + " REGEXP '" + pattern.replace("'", "''") + "')"),
                    "not matching " + pattern);
        }
        if (opts.has("maxLength")) {
            record(
                    "maxLength " + opts.get("maxLength").asInt(),
                    where("length(" + col + ") > " + opts.get("maxLength").asInt()),
                    "longer");
        }
        List<String> allowed =
                p.allowedValues().stream().filter(v -> !v.equals("null")).toList();
        if (!allowed.isEmpty()) {
            String in = allowed.stream().map(PlanWriter::literal).collect(Collectors.joining(", "));
            long bad = where(col + " IS NOT NULL AND CAST(" + col + " AS TEXT) NOT IN (" + in + ")");
            if (p.node().path("quality").isEmpty() || !hasValidValuesRule(p)) {
                record("allowed values", bad, "other values");
            }
        }
        for (JsonNode q : p.node().path("quality")) {
            quality(q);
        }
    }

    private boolean hasValidValuesRule(Prop p) {
        for (JsonNode q : p.node().path("quality")) {
            if (q.path("arguments").has("validValues")) {
                return true;
            }
        }
        return false;
    }

    private void quality(JsonNode q) throws SQLException {
        String metric = Docs.text(q, "metric") != null ? Docs.text(q, "metric") : Docs.text(q, "rule");
        String label = name + " " + Quality.key(q);
        if (metric == null) {
            skipped.add(label + " (" + Docs.text(q, "type") + " rule: written for the warehouse's engine)");
            return;
        }
        long n = measure(q, metric, view, col);
        if (n < 0) {
            skipped.add(label + " (metric " + metric + " without what it needs here)");
            return;
        }
        if (before != null && !within(q, percent(q, n, total)) && oldHas(q)) {
            long was = measure(q, metric, before, beforeCol);
            if (was >= 0 && !within(q, percent(q, was, total))) {
                passed.add(label + " = " + n + " already failed before the migration (" + was + "): not caused by it");
                return;
            }
        }
        threshold(q, n, total, label + " = " + n, passed, failed);
    }

    private boolean oldHas(JsonNode q) {
        for (JsonNode o : oldQuality) {
            if (Quality.key(o).equals(Quality.key(q)) && Quality.threshold(o).equals(Quality.threshold(q))) {
                return true;
            }
        }
        return false;
    }

    private static double percent(JsonNode q, long n, long total) {
        return "percent".equals(Docs.text(q, "unit")) && total > 0 ? 100.0 * n / total : n;
    }

    /** The rule's measure on {@code table}'s {@code column}; -1 when it cannot be measured here. */
    private long measure(JsonNode q, String metric, String table, String column) throws SQLException {
        return switch (metric) {
            case "nullValues" ->
                ScratchVerifier.count(c, "SELECT count(*) FROM " + table + " WHERE " + column + " IS NULL");
            case "duplicateValues" ->
                ScratchVerifier.count(c, "SELECT count(" + column + ") - count(DISTINCT " + column + ") FROM " + table);
            case "invalidValues" -> {
                JsonNode valid = q.path("arguments").path("validValues");
                if (!valid.isArray() || valid.isEmpty()) {
                    yield -1;
                }
                StringBuilder in = new StringBuilder();
                boolean nullOk = false;
                for (JsonNode v : valid) {
                    if (v.isNull()) {
                        nullOk = true;
                        continue;
                    }
                    in.append(in.isEmpty() ? "" : ", ").append(PlanWriter.literal(v.asText()));
                }
                yield ScratchVerifier.count(
                        c,
                        "SELECT count(*) FROM " + table + " WHERE "
                                + (nullOk ? column + " IS NOT NULL AND " : "")
                                + (in.isEmpty() ? "1" : column + " NOT IN (" + in + ")"));
            }
            default -> -1;
        };
    }

    private static void threshold(
            JsonNode q, long n, long total, String label, List<String> passed, List<String> failed) {
        double value = "percent".equals(Docs.text(q, "unit")) && total > 0 ? 100.0 * n / total : n;
        String shown =
                "percent".equals(Docs.text(q, "unit")) ? label + " (" + Math.round(value * 10) / 10.0 + "%)" : label;
        boolean ok = within(q, value);
        (ok ? passed : failed).add(shown + (ok ? "" : " vs " + Quality.threshold(q)));
    }

    static void threshold(JsonNode q, long n, String unit, String label, List<String> passed, List<String> failed) {
        boolean ok = within(q, n);
        (ok ? passed : failed).add(label + (ok ? "" : " vs " + Quality.threshold(q)));
    }

    private static boolean within(JsonNode q, double v) {
        if (q.has("mustBe")) {
            return v == q.get("mustBe").asDouble();
        }
        if (q.has("mustNotBe") && v == q.get("mustNotBe").asDouble()) {
            return false;
        }
        if (q.has("mustBeLessThan") && !(v < q.get("mustBeLessThan").asDouble())) {
            return false;
        }
        if (q.has("mustBeLessOrEqualTo") && !(v <= q.get("mustBeLessOrEqualTo").asDouble())) {
            return false;
        }
        if (q.has("mustBeGreaterThan") && !(v > q.get("mustBeGreaterThan").asDouble())) {
            return false;
        }
        if (q.has("mustBeGreaterOrEqualTo")
                && !(v >= q.get("mustBeGreaterOrEqualTo").asDouble())) {
            return false;
        }
        if (q.has("mustBeBetween")) {
            JsonNode b = q.get("mustBeBetween");
            return v >= b.path(0).asDouble() && v <= b.path(1).asDouble();
        }
        return true;
    }

    private long where(String condition) throws SQLException {
        return ScratchVerifier.count(c, "SELECT count(*) FROM " + view + " WHERE " + condition);
    }

    private void record(String what, long bad, String noun) {
        String line = name + " " + what + ": " + bad + " " + noun + " in " + total + " rows";
        (bad == 0 ? passed : failed).add(line);
    }
}
