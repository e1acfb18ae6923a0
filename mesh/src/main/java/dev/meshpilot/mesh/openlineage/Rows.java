package dev.meshpilot.mesh.openlineage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows one batch appends (events, lineage edges, column lineage, metric points, quality results),
 * collected while events are applied and written at {@link #flush()} as one prepared batch per table.
 * Rows with the same key keep the last value; an edge keeps its latest time.
 */
final class Rows {
    private final Statements sql;
    private final List<Object[]> events = new ArrayList<>();
    private final Map<List<String>, String> edges = new LinkedHashMap<>();
    private final Map<List<String>, String> columnLineage = new LinkedHashMap<>();
    private final Map<List<String>, Object[]> metrics = new LinkedHashMap<>();
    private final Map<List<String>, Object[]> quality = new LinkedHashMap<>();

    Rows(Statements sql) {
        this.sql = sql;
    }

    void event(RunEvent e, String digest, String at, String receivedAt) {
        events.add(new Object[] {
            digest, e.run().runId().toString(), e.eventType().name(), at, e.producer(), receivedAt, e.json()
        });
    }

    void edge(Ref job, Ref dataset, String direction, String at) {
        edges.merge(
                List.of(job.namespace(), job.name(), dataset.namespace(), dataset.name(), direction),
                at,
                (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    /** The datasets {@code job} writes according to this batch's edges. */
    Set<Ref> outputsOf(Ref job) {
        Set<Ref> outputs = new HashSet<>();
        edges.keySet().stream()
                .filter(k -> k.get(0).equals(job.namespace())
                        && k.get(1).equals(job.name())
                        && k.get(4).equals("out"))
                .forEach(k -> outputs.add(new Ref(k.get(2), k.get(3))));
        return outputs;
    }

    void columnLineage(Ref output, ColumnLineageFacet.Edge e) {
        columnLineage.put(
                List.of(
                        output.namespace(),
                        output.name(),
                        e.outputField(),
                        e.inputNamespace(),
                        e.inputName(),
                        e.inputField()),
                e.transformation() == null ? "" : e.transformation());
    }

    void metric(Ref dataset, String metric, String column, String at, Long value, String runId) {
        metric(dataset, metric, column, at, value == null ? null : value.doubleValue(), runId);
    }

    void metric(Ref dataset, String metric, String column, String at, Double value, String runId) {
        if (value != null && Double.isFinite(value)) {
            List<String> key = List.of(dataset.namespace(), dataset.name(), metric, column, at);
            metrics.put(key, new Object[] {key.get(0), key.get(1), metric, column, at, value, runId});
        }
    }

    void quality(String runId, Ref dataset, DataQualityAssertionsFacet.Assertion a, String at) {
        String column = a.column() == null ? "" : a.column();
        List<String> key = List.of(runId, dataset.namespace(), dataset.name(), a.assertion(), column);
        quality.put(key, new Object[] {runId, key.get(1), key.get(2), a.assertion(), column, a.success() ? 1 : 0, at});
    }

    void flush() {
        sql.batch(
                "INSERT INTO run_event (digest, run_id, event_type, event_time, producer, received_at, body) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                events);
        List<Object[]> rows = new ArrayList<>();
        edges.forEach((k, at) -> rows.add(new Object[] {k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), at}));
        sql.batch(
                "INSERT INTO lineage_edge (job_namespace, job_name, dataset_namespace, dataset_name, direction, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (dataset_namespace, dataset_name, direction, job_namespace, job_name) "
                        + "DO UPDATE SET updated_at = excluded.updated_at "
                        + "WHERE excluded.updated_at > lineage_edge.updated_at",
                rows);
        rows.clear();
        columnLineage.forEach(
                (k, how) -> rows.add(new Object[] {k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), k.get(5), how}));
        sql.batch(
                "INSERT INTO column_lineage (out_namespace, out_name, out_field, in_namespace, in_name, in_field, "
                        + "transformation) VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, '')) ON CONFLICT (out_namespace, out_name, "
                        + "out_field, in_namespace, in_name, in_field) DO UPDATE SET transformation = "
                        + "excluded.transformation WHERE column_lineage.transformation IS DISTINCT FROM "
                        + "excluded.transformation",
                rows);
        sql.batch(
                "INSERT INTO metric_point (dataset_namespace, dataset_name, metric, column_name, ts, value, run_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dataset_namespace, dataset_name, metric, "
                        + "column_name, ts) DO UPDATE SET value = excluded.value, run_id = excluded.run_id",
                metrics.values());
        sql.batch(
                "INSERT INTO quality_result (run_id, dataset_namespace, dataset_name, assertion, column_name, "
                        + "success, ts) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, dataset_namespace, "
                        + "dataset_name, assertion, column_name) DO UPDATE SET success = excluded.success, "
                        + "ts = excluded.ts",
                quality.values());
    }
}
