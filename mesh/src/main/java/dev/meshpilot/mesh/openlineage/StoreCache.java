package dev.meshpilot.mesh.openlineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What one batch changes on jobs, datasets and runs, written once per row at {@link #flush()}: jobs and
 * datasets are never read (their facets are merged by SQLite, see {@link FacetPatch}); a run's state columns
 * are read once, for the state machine. Also the dataset-to-product map of {@code product_port}, looked up
 * once per dataset.
 */
final class StoreCache {
    private static final String RUN_COLUMNS =
            "job_namespace, job_name, state, started_at, ended_at, event_time, error_message, parent_run_id";

    private final Statements sql;
    private final Map<Ref, FacetPatch> jobs = new HashMap<>();
    private final Map<Ref, FacetPatch> datasets = new HashMap<>();
    private final Map<UUID, RunRow> runs = new HashMap<>();
    private final Map<Ref, Optional<String>> products = new HashMap<>();

    StoreCache(Statements sql) {
        this.sql = sql;
    }

    /** The product whose output port is {@code dataset}, or {@code null}. */
    String product(Ref dataset) {
        return products.computeIfAbsent(
                        dataset,
                        d -> Optional.ofNullable(sql.first(
                                "SELECT product_id FROM product_port WHERE namespace = ? AND name = ?",
                                rs -> rs.getString(1),
                                d.namespace(),
                                d.name())))
                .orElse(null);
    }

    FacetPatch job(Ref job) {
        return jobs.computeIfAbsent(job, j -> new FacetPatch());
    }

    FacetPatch dataset(Ref dataset) {
        return datasets.computeIfAbsent(dataset, d -> new FacetPatch());
    }

    RunRow run(UUID runId, Ref job) {
        return runs.computeIfAbsent(runId, id -> {
            RunRow row = sql.first(
                    "SELECT " + RUN_COLUMNS + " FROM run WHERE run_id = ?",
                    rs -> {
                        RunRow r = new RunRow(
                                id.toString(),
                                rs.getString(1),
                                rs.getString(2),
                                RunState.valueOf(rs.getString(3)),
                                Times.parse(rs.getString(6)));
                        r.startedAt = Times.parse(rs.getString(4));
                        r.endedAt = Times.parse(rs.getString(5));
                        r.errorMessage = rs.getString(7);
                        r.parentRunId = rs.getString(8);
                        return r;
                    },
                    id.toString());
            return row != null ? row : new RunRow(id.toString(), job.namespace(), job.name(), RunState.NEW, null);
        });
    }

    void flush() {
        List<Object[]> rows = new ArrayList<>();
        jobs.forEach((k, p) -> rows.add(new Object[] {
            k.namespace(), k.name(), Times.format(p.latest), p.hasFacets() ? 1 : 0, p.removals(), p.additions()
        }));
        sql.batch(
                "INSERT INTO job (namespace, name, updated_at, facets_json) "
                        + "VALUES (?1, ?2, ?3, nullif(json_patch('{}', ?6), '{}')) ON CONFLICT (namespace, name) DO UPDATE "
                        + "SET facets_json = " + FacetPatch.mergeSql("job", 4, "?3 >= job.updated_at", 5, 6) + ", "
                        + "updated_at = CASE WHEN ?3 > job.updated_at THEN ?3 ELSE job.updated_at END",
                rows);
        rows.clear();
        datasets.forEach((k, p) -> rows.add(new Object[] {
            k.namespace(),
            k.name(),
            Times.format(p.latest),
            p.hasFacets() ? 1 : 0,
            p.removals(),
            p.additions(),
            p.schemaJson
        }));
        sql.batch(
                "INSERT INTO dataset (namespace, name, updated_at, facets_json, schema_json) "
                        + "VALUES (?1, ?2, ?3, nullif(json_patch('{}', ?6), '{}'), ?7) ON CONFLICT (namespace, name) DO UPDATE "
                        + "SET facets_json = " + FacetPatch.mergeSql("dataset", 4, "?3 >= dataset.updated_at", 5, 6)
                        + ", "
                        + "schema_json = CASE WHEN CAST(?7 AS TEXT) IS NULL THEN dataset.schema_json "
                        + "WHEN dataset.schema_json IS NULL OR ?3 >= dataset.updated_at THEN ?7 ELSE dataset.schema_json END, "
                        + "updated_at = CASE WHEN ?3 > dataset.updated_at THEN ?3 ELSE dataset.updated_at END",
                rows);
        rows.clear();
        datasets.forEach((k, p) -> p.schemas.forEach(
                (at, fields) -> rows.add(new Object[] {k.namespace(), k.name(), Times.format(at), fields})));
        // a schema is kept only when it differs from the one seen last before it (a history of changes)
        sql.batch(
                "INSERT INTO schema_observation (namespace, name, observed_at, fields_json) "
                        + "SELECT ?1, ?2, ?3, ?4 WHERE coalesce((SELECT o.fields_json FROM schema_observation o "
                        + "WHERE o.namespace = ?1 AND o.name = ?2 AND o.observed_at <= ?3 "
                        + "ORDER BY o.observed_at DESC LIMIT 1), '') <> ?4 ON CONFLICT DO NOTHING",
                rows);
        rows.clear();
        runs.values()
                .forEach(r -> rows.add(new Object[] {
                    r.runId,
                    r.jobNamespace,
                    r.jobName,
                    r.state.name(),
                    Times.format(r.startedAt),
                    Times.format(r.endedAt),
                    Times.format(r.eventTime),
                    r.errorMessage,
                    r.parentRunId,
                    r.facets.hasFacets() ? 1 : 0,
                    r.facetsNewer() ? 1 : 0,
                    r.facets.removals(),
                    r.facets.additions()
                }));
        sql.batch(
                "INSERT INTO run (run_id, " + RUN_COLUMNS + ", facets_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                        + "?8, ?9, nullif(json_patch('{}', ?13), '{}')) ON CONFLICT (run_id) DO UPDATE SET state = ?4, "
                        + "started_at = ?5, ended_at = ?6, event_time = ?7, error_message = ?8, parent_run_id = ?9, "
                        + "facets_json = " + FacetPatch.mergeSql("run", 10, "?11 = 1", 12, 13),
                rows);
    }
}
