package dev.meshpilot.mesh.openlineage;

import dev.meshpilot.mesh.incident.IncidentRecorder;
import dev.meshpilot.mesh.incident.IncidentRecorder.Signal;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Applies one accepted event to the batch: job, run, datasets, lineage edges, column lineage, metrics and
 * quality results; and opens or updates incidents: {@code run_failed:<product>} for a FAIL event on a job
 * that writes a product's dataset (in this event or per stored lineage), {@code quality_failed:<product>:
 * <assertion>} for a failed assertion on a product's dataset (not for one whose severity is only a warning).
 */
final class EventApplier {
    private static final String SOURCE = "openlineage";

    private final Statements sql;
    private final StoreCache cache;
    private final Rows rows;
    private final IncidentRecorder incidents;
    private final boolean openOnWarn;

    EventApplier(Statements sql, StoreCache cache, Rows rows, IncidentRecorder incidents) {
        this(sql, cache, rows, incidents, false);
    }

    /** With {@code openOnWarn}, warn-level failed assertions open incidents too (meshpilot.yaml). */
    EventApplier(Statements sql, StoreCache cache, Rows rows, IncidentRecorder incidents, boolean openOnWarn) {
        this.openOnWarn = openOnWarn;
        this.sql = sql;
        this.cache = cache;
        this.rows = rows;
        this.incidents = incidents;
    }

    void apply(RunEvent e, String at, Tally tally) {
        Ref job = new Ref(e.job().namespace(), e.job().name());
        cache.job(job).merge(e.job().facets().raw(), e.eventTime());
        cache.run(e.run().runId(), job).apply(e);
        Set<String> qualityFingerprints = new LinkedHashSet<>();
        for (Dataset d : e.inputs()) {
            dataset(e, at, job, d, "in", tally, qualityFingerprints);
        }
        for (Dataset d : e.outputs()) {
            dataset(e, at, job, d, "out", tally, qualityFingerprints);
        }
        if (e.eventType() == EventType.FAIL) {
            for (String product : productsWrittenBy(job)) {
                tally.incident(incidents.record(new Signal(
                        "run_failed:" + product,
                        product,
                        product + ": run failed",
                        IncidentText.runFailed(e),
                        SOURCE,
                        null,
                        at)));
            }
        }
    }

    private void dataset(
            RunEvent e, String at, Ref job, Dataset d, String direction, Tally tally, Set<String> fingerprints) {
        Ref ref = new Ref(d.namespace(), d.name());
        String runId = e.run().runId().toString();
        cache.dataset(ref).merge(d.facets().raw(), e.eventTime());
        rows.edge(job, ref, direction, at);
        if (d.facets().columnLineage() != null) {
            d.facets().columnLineage().edges().forEach(edge -> rows.columnLineage(ref, edge));
        }
        OutputStatisticsFacet stats = d.ioFacets().outputStatistics();
        if (stats != null) {
            rows.metric(ref, "row_count", "", at, stats.rowCount(), runId);
            rows.metric(ref, "bytes", "", at, stats.size(), runId);
        }
        DataQualityMetricsFacet metrics = d.dataQualityMetrics();
        if (metrics != null) {
            rows.metric(ref, "row_count", "", at, metrics.rowCount(), runId);
            rows.metric(ref, "bytes", "", at, metrics.bytes(), runId);
            metrics.columnMetrics().forEach((column, m) -> {
                rows.metric(ref, "null_count", column, at, m.nullCount(), runId);
                rows.metric(ref, "distinct_count", column, at, m.distinctCount(), runId);
                rows.metric(ref, "sum", column, at, m.sum(), runId);
                rows.metric(ref, "min", column, at, m.min(), runId);
                rows.metric(ref, "max", column, at, m.max(), runId);
            });
        }
        String product = cache.product(ref);
        if (product == null) {
            tally.unmapped(ref);
        }
        DataQualityAssertionsFacet checks = d.dataQualityAssertions();
        if (checks == null) {
            return;
        }
        for (DataQualityAssertionsFacet.Assertion a : checks.assertions()) {
            rows.quality(runId, ref, a, at);
            String fingerprint = "quality_failed:" + product + ":" + a.assertion();
            if (!a.success() && product != null && (openOnWarn || pages(a)) && fingerprints.add(fingerprint)) {
                String title = product + ": quality check " + a.assertion() + " failed";
                tally.incident(incidents.record(new Signal(
                        fingerprint, product, title, IncidentText.qualityFailed(e, ref, a), SOURCE, null, at)));
            }
        }
    }

    /**
     * Whether a failed assertion opens an incident: unless its severity says it is only a warning (dbt's and
     * Soda's {@code warn}, {@code warning}, {@code info}); its result is stored either way.
     */
    static boolean pages(DataQualityAssertionsFacet.Assertion a) {
        String severity = a.severity() == null ? "" : a.severity().strip().toLowerCase(java.util.Locale.ROOT);
        return !(severity.equals("warn") || severity.equals("warning") || severity.equals("info"));
    }

    /** The products whose datasets {@code job} writes: per this event, this batch, and stored lineage. */
    private Set<String> productsWrittenBy(Ref job) {
        Set<Ref> outputs = new LinkedHashSet<>(rows.outputsOf(job));
        outputs.addAll(sql.query(
                "SELECT dataset_namespace, dataset_name FROM lineage_edge "
                        + "WHERE job_namespace = ? AND job_name = ? AND direction = 'out'",
                rs -> new Ref(rs.getString(1), rs.getString(2)),
                job.namespace(),
                job.name()));
        Set<String> products = new LinkedHashSet<>();
        outputs.forEach(d -> {
            String product = cache.product(d);
            if (product != null) {
                products.add(product);
            }
        });
        return products;
    }
}
