-- PostgreSQL twin of ../V009__warn_checks_setting.sql: the same tables, columns and keys. Text columns compare byte by byte
-- (COLLATE "C", as SQLite does), REAL is DOUBLE PRECISION, and SQLite's WITHOUT ROWID has no equivalent.
-- Whether a failed quality assertion of severity warn/warning/info opens an incident (meshpilot.yaml
-- incidents.openOnWarnChecks; default no: the result is stored, nobody is paged).
ALTER TABLE mesh_info ADD COLUMN open_on_warn_checks INTEGER NOT NULL DEFAULT 0;
