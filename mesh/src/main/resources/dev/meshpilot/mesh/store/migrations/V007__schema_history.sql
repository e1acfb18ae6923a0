-- Every schema a dataset was seen with (OpenLineage schema facets), by event time, so schema changes are a
-- history and not only the latest state (dataset.schema_json). A row is written only when the schema differs
-- from the one seen last before it; fields_json is the facet's fields array, compact.
CREATE TABLE schema_observation (
  namespace   TEXT NOT NULL,
  name        TEXT NOT NULL,
  observed_at TEXT NOT NULL,
  fields_json TEXT NOT NULL,
  PRIMARY KEY (namespace, name, observed_at)
);
