-- PostgreSQL twin of ../V007__schema_history.sql: the same tables, columns and keys. Text columns compare byte by byte
-- (COLLATE "C", as SQLite does), REAL is DOUBLE PRECISION, and SQLite's WITHOUT ROWID has no equivalent.
-- Every schema a dataset was seen with (OpenLineage schema facets), by event time, so schema changes are a
-- history and not only the latest state (dataset.schema_json). A row is written only when the schema differs
-- from the one seen last before it; fields_json is the facet's fields array, compact.
CREATE TABLE schema_observation (
  namespace   TEXT COLLATE "C" NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  observed_at TEXT COLLATE "C" NOT NULL,
  fields_json TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (namespace, name, observed_at)
);
