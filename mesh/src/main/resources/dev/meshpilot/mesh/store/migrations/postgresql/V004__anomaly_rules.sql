-- PostgreSQL twin of ../V004__anomaly_rules.sql: the same tables, columns and keys. Text columns compare byte by byte
-- (COLLATE "C", as SQLite does), REAL is DOUBLE PRECISION, and SQLite's WITHOUT ROWID has no equivalent.
-- The declarations of a workspace's anomalies.yaml (see docs/workspace.md): detector settings, exclusion
-- windows and feedback on anomalies. Replaced on every load; product_id NULL means every product.
CREATE TABLE anomaly_rule (
  seq           INTEGER PRIMARY KEY,
  kind          TEXT COLLATE "C" NOT NULL CHECK (kind IN ('settings', 'exclusion', 'expected', 'fixed')),
  product_id    TEXT COLLATE "C",
  metric        TEXT COLLATE "C",
  from_ts       TEXT COLLATE "C",
  to_ts         TEXT COLLATE "C",
  reason        TEXT COLLATE "C",
  settings_json TEXT COLLATE "C"
);
