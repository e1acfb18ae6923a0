-- What OpenLineage events say: jobs, datasets, runs, lineage edges, metrics and quality results.
CREATE TABLE job (
  namespace   TEXT NOT NULL,
  name        TEXT NOT NULL,
  facets_json TEXT,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (namespace, name)
);

-- A dataset is mapped to a product through the product's output ports; unmapped datasets are kept.
CREATE TABLE dataset (
  namespace   TEXT NOT NULL,
  name        TEXT NOT NULL,
  schema_json TEXT,
  facets_json TEXT,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (namespace, name)
);

-- Times in the lineage tables are UTC ISO-8601 with three fractional digits (2026-11-25T09:00:00.000Z), so
-- they compare correctly as text. state: NEW, RUNNING, then one of COMPLETED, ABORTED, FAILED (ordered by
-- event time; see docs/openlineage.md). event_time is the time of the latest event seen for the run.
CREATE TABLE run (
  run_id        TEXT PRIMARY KEY,
  job_namespace TEXT NOT NULL,
  job_name      TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('NEW', 'RUNNING', 'COMPLETED', 'ABORTED', 'FAILED')),
  started_at    TEXT,
  ended_at      TEXT,
  event_time    TEXT NOT NULL,
  error_message TEXT,
  parent_run_id TEXT,
  facets_json   TEXT
);
CREATE INDEX run_by_job ON run (job_namespace, job_name, event_time);

-- One row per accepted event; the digest (SHA-256 of its canonical JSON, which is the body) makes replays
-- idempotent. producer is NULL when the event has none (accepted leniently).
CREATE TABLE run_event (
  digest      TEXT PRIMARY KEY,
  run_id      TEXT NOT NULL,
  event_type  TEXT NOT NULL,
  event_time  TEXT NOT NULL,
  producer    TEXT,
  received_at TEXT NOT NULL,
  body        TEXT NOT NULL
);
CREATE INDEX run_event_by_run ON run_event (run_id);

-- Job-level lineage: direction 'in' = the job reads the dataset, 'out' = the job writes it.
CREATE TABLE lineage_edge (
  job_namespace     TEXT NOT NULL,
  job_name          TEXT NOT NULL,
  dataset_namespace TEXT NOT NULL,
  dataset_name      TEXT NOT NULL,
  direction         TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  updated_at        TEXT NOT NULL,
  PRIMARY KEY (dataset_namespace, dataset_name, direction, job_namespace, job_name)
) WITHOUT ROWID;
CREATE INDEX lineage_edge_by_job ON lineage_edge (job_namespace, job_name, direction);

CREATE TABLE column_lineage (
  out_namespace  TEXT NOT NULL,
  out_name       TEXT NOT NULL,
  out_field      TEXT NOT NULL,
  in_namespace   TEXT NOT NULL,
  in_name        TEXT NOT NULL,
  in_field       TEXT NOT NULL,
  transformation TEXT,
  PRIMARY KEY (out_namespace, out_name, out_field, in_namespace, in_name, in_field)
) WITHOUT ROWID;
CREATE INDEX column_lineage_by_input ON column_lineage (in_namespace, in_name, in_field);

-- Metric points: row_count, bytes, null_count and distinct_count (per column), from output statistics
-- and data quality metrics facets.
CREATE TABLE metric_point (
  dataset_namespace TEXT NOT NULL,
  dataset_name      TEXT NOT NULL,
  metric            TEXT NOT NULL,
  column_name       TEXT NOT NULL DEFAULT '',
  ts                TEXT NOT NULL,
  value             REAL NOT NULL,
  run_id            TEXT,
  PRIMARY KEY (dataset_namespace, dataset_name, metric, column_name, ts)
) WITHOUT ROWID;

CREATE TABLE quality_result (
  run_id            TEXT NOT NULL,
  dataset_namespace TEXT NOT NULL,
  dataset_name      TEXT NOT NULL,
  assertion         TEXT NOT NULL,
  column_name       TEXT NOT NULL DEFAULT '',
  success           INTEGER NOT NULL,
  ts                TEXT NOT NULL,
  PRIMARY KEY (run_id, dataset_namespace, dataset_name, assertion, column_name)
) WITHOUT ROWID;
CREATE INDEX quality_result_by_dataset ON quality_result (dataset_namespace, dataset_name, ts);
