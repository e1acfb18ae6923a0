-- The order run_event rows were committed in: SQLite's implicit rowid already is it (each write transaction
-- holds the database's lock), so this version only adds it on PostgreSQL (postgresql/V010__run_event_order.sql),
-- where readers that follow other processes' ingest read it by the same name. Nothing changes here.
CREATE INDEX IF NOT EXISTS run_event_by_run ON run_event (run_id);
