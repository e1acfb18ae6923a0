package dev.meshpilot.agents.kit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.mesh.incident.ErrorClass;
import dev.meshpilot.tools.activity.MetricSeries;
import dev.meshpilot.tools.catalog.ContractView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Looks for bad data that fails nothing by itself, in a product's latest load before a moment: duplicated
 * keys (a unique or primary-key column whose distinct count falls below the row count, where it used to
 * match) and null explosions (a required column's null rate jumping well above its usual level). Reads the
 * contract for the key and required columns, then their metric series, through the tool box. Any agent
 * with {@code get_contract} and {@code metric_series} in its allowlist can use it.
 *
 * <pre>{@code
 * List<DataChecks.Anomaly> found = new DataChecks(tools).check("orders.orders", incidentOpenedAt);
 * }</pre>
 */
public final class DataChecks {
    /** A finding: the product, its class, what the numbers show, how strong (0..1), and the evidence. */
    public record Anomaly(String product, String errorClass, String summary, double strength, List<String> evidence)
            implements Finding {}

    /** Columns checked per kind (keys, required columns). */
    public static final int MAX_COLUMNS = 2;
    /** The most tool calls one {@link #check} makes: the contract, row counts, and one series per column. */
    public static final int CALLS = 2 + 2 * MAX_COLUMNS;
    /** Points of a metric series read per column. */
    public static final int POINTS = 8;

    private final ToolBox tools;

    public DataChecks(ToolBox tools) {
        this.tools = tools;
    }

    /** The anomalies of {@code product}'s latest load before {@code until}, keys first, then required columns. */
    public List<Anomaly> check(String product, Instant until) {
        List<Anomaly> out = new ArrayList<>();
        Optional<Evidence> contract = tools.data("get_contract", args("product", product));
        if (contract.isEmpty() || tools.remainingCalls() < 3) {
            return out;
        }
        List<String> keys = new ArrayList<>();
        List<String> required = new ArrayList<>();
        for (ContractView.SchemaObjectView o :
                contract.get().as(ContractView.class).objects()) {
            for (ContractView.Property p : o.properties()) {
                String name = p.name();
                if (p.primaryKey() || p.unique()) {
                    keys.add(name);
                } else if (p.required() || mentionsNulls(p.quality())) {
                    required.add(name);
                }
            }
        }
        Optional<Evidence> rows = series(product, "row_count", null, until);
        if (rows.isEmpty()) {
            return out;
        }
        Map<Instant, Double> rowsAt = byTime(rows.get().as(MetricSeries.class));
        for (String key : keys.stream().limit(MAX_COLUMNS).toList()) {
            series(product, "distinct_count", key, until)
                    .flatMap(d -> duplicates(product, key, rowsAt, d, rows.get()))
                    .ifPresent(out::add);
        }
        for (String col : required.stream().limit(MAX_COLUMNS).toList()) {
            series(product, "null_count", col, until)
                    .flatMap(n -> nulls(product, col, rowsAt, n, rows.get()))
                    .ifPresent(out::add);
        }
        out.forEach(a -> a.evidence().addFirst(contract.get().id()));
        return out;
    }

    private Optional<Evidence> series(String product, String metric, String column, Instant until) {
        if (tools.remainingCalls() < 1) {
            return Optional.empty();
        }
        ObjectNode a = args("product", product).put("metric", metric).put("points", POINTS);
        if (column != null) {
            a.put("column", column);
        }
        if (until != null) {
            a.put("until", until.toString());
        }
        return tools.data("metric_series", a);
    }

    /** The latest load's distinct keys against its rows, where earlier loads had (almost) none duplicated. */
    private static Optional<Anomaly> duplicates(
            String product, String key, Map<Instant, Double> rowsAt, Evidence distinct, Evidence rows) {
        List<double[]> pairs = aligned(rowsAt, distinct.as(MetricSeries.class));
        if (pairs.size() < 2) {
            return Optional.empty();
        }
        double[] last = pairs.getLast();
        double dupShare = last[0] <= 0 ? 0 : 1 - last[1] / last[0];
        boolean before =
                pairs.subList(0, pairs.size() - 1).stream().allMatch(p -> p[0] <= 0 || 1 - p[1] / p[0] < 0.001);
        if (dupShare < 0.01 || !before) {
            return Optional.empty();
        }
        String summary = String.format(
                Locale.ROOT,
                "%s's latest load wrote %,.0f rows but only %,.0f distinct %s values (%.1f%% duplicated); earlier loads had none",
                product,
                last[0],
                last[1],
                key,
                dupShare * 100);
        return Optional.of(new Anomaly(
                product,
                ErrorClass.DUPLICATE_KEYS.wireName(),
                summary,
                Math.min(0.9, 0.6 + dupShare),
                new ArrayList<>(List.of(rows.id(), distinct.id()))));
    }

    /** The latest load's null rate against the mean of the earlier ones. */
    private static Optional<Anomaly> nulls(
            String product, String column, Map<Instant, Double> rowsAt, Evidence nulls, Evidence rows) {
        List<double[]> pairs = aligned(rowsAt, nulls.as(MetricSeries.class));
        if (pairs.size() < 3) {
            return Optional.empty();
        }
        double[] last = pairs.getLast();
        double rate = last[0] <= 0 ? 0 : last[1] / last[0];
        double usual = pairs.subList(0, pairs.size() - 1).stream()
                .mapToDouble(p -> p[0] <= 0 ? 0 : p[1] / p[0])
                .average()
                .orElse(0);
        if (rate < 0.05 || rate < 3 * usual) {
            return Optional.empty();
        }
        String summary = String.format(
                Locale.ROOT,
                "%s.%s is null in %.1f%% of the latest load's rows, against %.1f%% before",
                product,
                column,
                rate * 100,
                usual * 100);
        return Optional.of(new Anomaly(
                product,
                ErrorClass.NULL_EXPLOSION.wireName(),
                summary,
                0.7,
                new ArrayList<>(List.of(rows.id(), nulls.id()))));
    }

    /** [rows, value] pairs at the times both series have a point, oldest first. */
    private static List<double[]> aligned(Map<Instant, Double> rowsAt, MetricSeries series) {
        List<double[]> out = new ArrayList<>();
        for (MetricSeries.Point p : series.points()) {
            Double r = rowsAt.get(p.at());
            if (r != null) {
                out.add(new double[] {r, p.value()});
            }
        }
        return out;
    }

    private static Map<Instant, Double> byTime(MetricSeries series) {
        Map<Instant, Double> out = new HashMap<>();
        series.points().forEach(p -> out.put(p.at(), p.value()));
        return out;
    }

    /** Whether a rule names nulls or completeness (a missing name, metric or type reads as "null", as it always has). */
    private static boolean mentionsNulls(List<ContractView.Rule> quality) {
        for (ContractView.Rule q : quality == null ? List.<ContractView.Rule>of() : quality) {
            String s = (q.name() + " " + q.metric() + " " + q.type()).toLowerCase(Locale.ROOT);
            if (s.contains("null") || s.contains("complete")) {
                return true;
            }
        }
        return false;
    }

    /** Tool arguments {@code {key: value}}, to add more to. */
    public static ObjectNode args(String key, String value) {
        return JsonNodeFactory.instance.objectNode().put(key, value);
    }
}
