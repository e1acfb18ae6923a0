-- PostgreSQL twin of ../V010__run_event_order.sql. SQLite numbers run_event rows with its implicit rowid; here
-- the same column is explicit: the order events were committed in (store transactions run one at a time under
-- the schema's advisory lock, so a number is never committed after a larger one). Readers that follow ingest by
-- other processes (the anomaly series, replicas' lineage graphs) read the rows after the last number they saw.
ALTER TABLE run_event ADD COLUMN rowid BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX run_event_by_rowid ON run_event (rowid);
