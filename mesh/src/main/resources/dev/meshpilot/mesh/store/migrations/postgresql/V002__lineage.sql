-- PostgreSQL twin of ../V002__lineage.sql: the same tables, columns and keys. Text columns compare byte by byte
-- (COLLATE "C", as SQLite does), REAL is DOUBLE PRECISION, and SQLite's WITHOUT ROWID has no equivalent.
-- What OpenLineage events say: jobs, datasets, runs, lineage edges, metrics and quality results.
CREATE TABLE job (
  namespace   TEXT COLLATE "C" NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  facets_json TEXT COLLATE "C",
  updated_at  TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (namespace, name)
);

-- A dataset is mapped to a product through the product's output ports; unmapped datasets are kept.
CREATE TABLE dataset (
  namespace   TEXT COLLATE "C" NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  schema_json TEXT COLLATE "C",
  facets_json TEXT COLLATE "C",
  updated_at  TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (namespace, name)
);

-- Times in the lineage tables are UTC ISO-8601 with three fractional digits (2026-11-25T09:00:00.000Z), so
-- they compare correctly as text. state: NEW, RUNNING, then one of COMPLETED, ABORTED, FAILED (ordered by
-- event time; see docs/openlineage.md). event_time is the time of the latest event seen for the run.
CREATE TABLE run (
  run_id        TEXT COLLATE "C" PRIMARY KEY,
  job_namespace TEXT COLLATE "C" NOT NULL,
  job_name      TEXT COLLATE "C" NOT NULL,
  state         TEXT COLLATE "C" NOT NULL CHECK (state IN ('NEW', 'RUNNING', 'COMPLETED', 'ABORTED', 'FAILED')),
  started_at    TEXT COLLATE "C",
  ended_at      TEXT COLLATE "C",
  event_time    TEXT COLLATE "C" NOT NULL,
  error_message TEXT COLLATE "C",
  parent_run_id TEXT COLLATE "C",
  facets_json   TEXT COLLATE "C"
);
CREATE INDEX run_by_job ON run (job_namespace, job_name, event_time);

-- One row per accepted event; the digest (SHA-256 of its canonical JSON, which is the body) makes replays
-- idempotent. producer is NULL when the event has none (accepted leniently).
CREATE TABLE run_event (
  digest      TEXT COLLATE "C" PRIMARY KEY,
  run_id      TEXT COLLATE "C" NOT NULL,
  event_type  TEXT COLLATE "C" NOT NULL,
  event_time  TEXT COLLATE "C" NOT NULL,
  producer    TEXT COLLATE "C",
  received_at TEXT COLLATE "C" NOT NULL,
  body        TEXT COLLATE "C" NOT NULL
);
CREATE INDEX run_event_by_run ON run_event (run_id);

-- Job-level lineage: direction 'in' = the job reads the dataset, 'out' = the job writes it.
CREATE TABLE lineage_edge (
  job_namespace     TEXT COLLATE "C" NOT NULL,
  job_name          TEXT COLLATE "C" NOT NULL,
  dataset_namespace TEXT COLLATE "C" NOT NULL,
  dataset_name      TEXT COLLATE "C" NOT NULL,
  direction         TEXT COLLATE "C" NOT NULL CHECK (direction IN ('in', 'out')),
  updated_at        TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (dataset_namespace, dataset_name, direction, job_namespace, job_name)
);
CREATE INDEX lineage_edge_by_job ON lineage_edge (job_namespace, job_name, direction);

CREATE TABLE column_lineage (
  out_namespace  TEXT COLLATE "C" NOT NULL,
  out_name       TEXT COLLATE "C" NOT NULL,
  out_field      TEXT COLLATE "C" NOT NULL,
  in_namespace   TEXT COLLATE "C" NOT NULL,
  in_name        TEXT COLLATE "C" NOT NULL,
  in_field       TEXT COLLATE "C" NOT NULL,
  transformation TEXT COLLATE "C",
  PRIMARY KEY (out_namespace, out_name, out_field, in_namespace, in_name, in_field)
);
CREATE INDEX column_lineage_by_input ON column_lineage (in_namespace, in_name, in_field);

-- Metric points: row_count, bytes, null_count and distinct_count (per column), from output statistics
-- and data quality metrics facets.
CREATE TABLE metric_point (
  dataset_namespace TEXT COLLATE "C" NOT NULL,
  dataset_name      TEXT COLLATE "C" NOT NULL,
  metric            TEXT COLLATE "C" NOT NULL,
  column_name       TEXT COLLATE "C" NOT NULL DEFAULT '',
  ts                TEXT COLLATE "C" NOT NULL,
  value             DOUBLE PRECISION NOT NULL,
  run_id            TEXT COLLATE "C",
  PRIMARY KEY (dataset_namespace, dataset_name, metric, column_name, ts)
);

CREATE TABLE quality_result (
  run_id            TEXT COLLATE "C" NOT NULL,
  dataset_namespace TEXT COLLATE "C" NOT NULL,
  dataset_name      TEXT COLLATE "C" NOT NULL,
  assertion         TEXT COLLATE "C" NOT NULL,
  column_name       TEXT COLLATE "C" NOT NULL DEFAULT '',
  success           INTEGER NOT NULL,
  ts                TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (run_id, dataset_namespace, dataset_name, assertion, column_name)
);
CREATE INDEX quality_result_by_dataset ON quality_result (dataset_namespace, dataset_name, ts);

-- SQLite's json_patch (RFC 7396 merge patch) on JSON text, used to merge stored facets with a batch's facets
-- (openlineage FacetPatch): an object patch merges key by key, a null removes the key, anything else replaces.
CREATE FUNCTION json_merge_patch(target jsonb, patch jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  merged jsonb;
  k text;
  v jsonb;
BEGIN
  IF patch IS NULL OR jsonb_typeof(patch) <> 'object' THEN
    RETURN patch;
  END IF;
  merged := CASE WHEN target IS NOT NULL AND jsonb_typeof(target) = 'object' THEN target ELSE '{}'::jsonb END;
  FOR k, v IN SELECT key, value FROM jsonb_each(patch) LOOP
    IF jsonb_typeof(v) = 'null' THEN
      merged := merged - k;
    ELSE
      merged := jsonb_set(merged, ARRAY[k], json_merge_patch(merged -> k, v));
    END IF;
  END LOOP;
  RETURN merged;
END
$$;

CREATE FUNCTION json_patch(target text, patch text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT json_merge_patch(target::jsonb, patch::jsonb)::text
$$;
