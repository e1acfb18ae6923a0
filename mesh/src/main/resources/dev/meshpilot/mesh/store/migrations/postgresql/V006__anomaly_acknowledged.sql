-- PostgreSQL twin of ../V006__anomaly_acknowledged.sql: the same tables, columns and keys. Text columns compare byte by byte
-- (COLLATE "C", as SQLite does), REAL is DOUBLE PRECISION, and SQLite's WITHOUT ROWID has no equivalent.
-- Feedback may mark a level shift 'acknowledged' (docs/workspace.md#anomaliesyaml): from its window on the new
-- level is the normal one. The table is rebuilt with its rows, as on SQLite, so both engines hold the same shape.
CREATE TABLE anomaly_rule_v6 (
  seq           INTEGER PRIMARY KEY,
  kind          TEXT COLLATE "C" NOT NULL CHECK (kind IN ('settings', 'exclusion', 'expected', 'fixed', 'acknowledged')),
  product_id    TEXT COLLATE "C",
  metric        TEXT COLLATE "C",
  from_ts       TEXT COLLATE "C",
  to_ts         TEXT COLLATE "C",
  reason        TEXT COLLATE "C",
  settings_json TEXT COLLATE "C"
);
INSERT INTO anomaly_rule_v6 (seq, kind, product_id, metric, from_ts, to_ts, reason, settings_json)
  SELECT seq, kind, product_id, metric, from_ts, to_ts, reason, settings_json FROM anomaly_rule;
DROP TABLE anomaly_rule;
ALTER TABLE anomaly_rule_v6 RENAME TO anomaly_rule;
