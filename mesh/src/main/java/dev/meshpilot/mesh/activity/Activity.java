package dev.meshpilot.mesh.activity;

import dev.meshpilot.mesh.openlineage.Times;
import dev.meshpilot.mesh.store.MeshStore;
import java.time.Instant;
import java.util.List;

/**
 * Reads runs, quality results and metrics of products from the store, newest first, paged by offset.
 * Times are compared as the store's ISO-8601 text (see V002__lineage.sql). Thread-safe.
 */
public final class Activity {
    /** The output-port datasets of :product, as (namespace, name) pairs. */
    private static final String PORTS = "SELECT namespace, name FROM product_port WHERE product_id = :product";

    /** Runs that started by :until (or, without a start, whose latest event is by then). */
    private static final String UNTIL = "AND (:until IS NULL OR coalesce(r.started_at, r.event_time) <= :until) ";

    private final MeshStore store;

    public Activity(MeshStore store) {
        this.store = store;
    }

    /**
     * Runs of the jobs that write the product's output ports, newest event first.
     *
     * @param state only runs in this state (NEW, RUNNING, COMPLETED, ABORTED, FAILED), or null for all
     * @param until only runs that started at or before this instant (null: all), to look at a past moment
     */
    public List<RunRecord> runs(String productId, String state, Instant until, int offset, int limit) {
        return store.withHandle(h -> h.createQuery("SELECT DISTINCT r.run_id, r.job_namespace, r.job_name, r.state, "
                        + "r.started_at, r.ended_at, r.event_time, r.error_message FROM (" + PORTS + ") p "
                        + "JOIN lineage_edge e ON e.dataset_namespace = p.namespace AND e.dataset_name = p.name "
                        + "AND e.direction = 'out' "
                        + "JOIN run r ON r.job_namespace = e.job_namespace AND r.job_name = e.job_name "
                        + "WHERE (:state IS NULL OR r.state = :state) " + UNTIL
                        + "ORDER BY r.event_time DESC, r.run_id LIMIT :limit OFFSET :offset")
                .bind("product", productId)
                .bind("state", state)
                .bind("until", until == null ? null : Times.format(until))
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> new RunRecord(
                        rs.getString("run_id"),
                        rs.getString("job_namespace"),
                        rs.getString("job_name"),
                        rs.getString("state"),
                        instant(rs.getString("started_at")),
                        instant(rs.getString("ended_at")),
                        instant(rs.getString("event_time")),
                        rs.getString("error_message")))
                .list());
    }

    /** How many runs {@link #runs} would list without paging. */
    public int countRuns(String productId, String state, Instant until) {
        return store.withHandle(h -> h.createQuery("SELECT count(DISTINCT r.run_id) FROM (" + PORTS + ") p "
                        + "JOIN lineage_edge e ON e.dataset_namespace = p.namespace AND e.dataset_name = p.name "
                        + "AND e.direction = 'out' "
                        + "JOIN run r ON r.job_namespace = e.job_namespace AND r.job_name = e.job_name "
                        + "WHERE (:state IS NULL OR r.state = :state) " + UNTIL)
                .bind("product", productId)
                .bind("state", state)
                .bind("until", until == null ? null : Times.format(until))
                .mapTo(Integer.class)
                .one());
    }

    /** Quality results of the product's datasets, newest first; only failures when {@code failedOnly}. */
    public List<QualityRecord> quality(String productId, boolean failedOnly, int offset, int limit) {
        return store.withHandle(h -> h.createQuery("SELECT q.run_id, q.dataset_namespace, q.dataset_name, q.assertion, "
                        + "q.column_name, q.success, q.ts FROM (" + PORTS + ") p "
                        + "JOIN quality_result q ON q.dataset_namespace = p.namespace AND q.dataset_name = p.name "
                        + "WHERE (:failed = 0 OR q.success = 0) "
                        + "ORDER BY q.ts DESC, q.assertion, q.column_name LIMIT :limit OFFSET :offset")
                .bind("product", productId)
                .bind("failed", failedOnly ? 1 : 0)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> new QualityRecord(
                        rs.getString("run_id"),
                        rs.getString("dataset_namespace"),
                        rs.getString("dataset_name"),
                        rs.getString("assertion"),
                        rs.getString("column_name"),
                        rs.getInt("success") != 0,
                        instant(rs.getString("ts"))))
                .list());
    }

    /** How many results {@link #quality} would list without paging. */
    public int countQuality(String productId, boolean failedOnly) {
        return store.withHandle(h -> h.createQuery("SELECT count(*) FROM (" + PORTS + ") p "
                        + "JOIN quality_result q ON q.dataset_namespace = p.namespace AND q.dataset_name = p.name "
                        + "WHERE (:failed = 0 OR q.success = 0)")
                .bind("product", productId)
                .bind("failed", failedOnly ? 1 : 0)
                .mapTo(Integer.class)
                .one());
    }

    /**
     * The newest {@code limit} points of one metric of the product's datasets from {@code since} to
     * {@code until} (each bound open when null), returned oldest first so they read as a series; {@code column}
     * empty for table-level metrics.
     */
    public List<MetricPoint> series(
            String productId, String metric, String column, Instant since, Instant until, int limit) {
        List<MetricPoint> newestFirst = store.withHandle(h -> h.createQuery(
                        "SELECT m.dataset_name, m.metric, m.column_name, m.ts, m.value, m.run_id FROM (" + PORTS
                                + ") p JOIN metric_point m ON m.dataset_namespace = p.namespace "
                                + "AND m.dataset_name = p.name WHERE m.metric = :metric AND m.column_name = :column "
                                + "AND (:since IS NULL OR m.ts >= :since) AND (:until IS NULL OR m.ts <= :until) "
                                + "ORDER BY m.ts DESC LIMIT :limit")
                .bind("product", productId)
                .bind("metric", metric)
                .bind("column", column)
                .bind("since", since == null ? null : Times.format(since))
                .bind("until", until == null ? null : Times.format(until))
                .bind("limit", limit)
                .map((rs, ctx) -> new MetricPoint(
                        rs.getString("dataset_name"),
                        rs.getString("metric"),
                        rs.getString("column_name"),
                        instant(rs.getString("ts")),
                        rs.getDouble("value"),
                        rs.getString("run_id")))
                .list());
        return newestFirst.reversed();
    }

    /**
     * Every metric point of the product's datasets from {@code since} to {@code until} (each bound open when
     * null), ordered by metric, column and time: all of a product's series in one read, for anomaly sweeps.
     */
    public List<MetricPoint> history(String productId, Instant since, Instant until) {
        return store.withHandle(h -> h.createQuery(
                        "SELECT m.dataset_name, m.metric, m.column_name, m.ts, m.value, m.run_id FROM (" + PORTS
                                + ") p JOIN metric_point m ON m.dataset_namespace = p.namespace "
                                + "AND m.dataset_name = p.name WHERE (:since IS NULL OR m.ts >= :since) "
                                + "AND (:until IS NULL OR m.ts <= :until) ORDER BY m.metric, m.column_name, m.ts")
                .bind("product", productId)
                .bind("since", since == null ? null : Times.format(since))
                .bind("until", until == null ? null : Times.format(until))
                .map((rs, ctx) -> new MetricPoint(
                        rs.getString("dataset_name"),
                        rs.getString("metric"),
                        rs.getString("column_name"),
                        instant(rs.getString("ts")),
                        rs.getDouble("value"),
                        rs.getString("run_id")))
                .list());
    }

    /**
     * The schema changes of the product's datasets in [since, until] ({@code schema_change} points per column,
     * see {@link SchemaChanges}).
     */
    public List<MetricPoint> schemaChanges(String productId, Instant since, Instant until) {
        return SchemaChanges.of(store, productId, since, until);
    }

    /** The metrics recorded for the product's datasets, as {@code metric} or {@code metric:column}. */
    public List<String> metricNames(String productId) {
        return store.withHandle(h -> h.createQuery("SELECT DISTINCT m.metric, m.column_name FROM (" + PORTS
                        + ") p JOIN metric_point m ON m.dataset_namespace = p.namespace AND m.dataset_name = p.name "
                        + "ORDER BY m.metric, m.column_name")
                .bind("product", productId)
                .map((rs, ctx) -> rs.getString(2).isEmpty() ? rs.getString(1) : rs.getString(1) + ":" + rs.getString(2))
                .list());
    }

    private static Instant instant(String s) {
        return Times.parse(s);
    }
}
