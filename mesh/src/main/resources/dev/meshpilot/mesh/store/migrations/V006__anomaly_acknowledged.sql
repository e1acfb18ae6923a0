-- Feedback may mark a level shift 'acknowledged' (docs/workspace.md#anomaliesyaml): from its window on the new
-- level is the normal one. SQLite cannot widen a CHECK in place, so the table is rebuilt with its rows.
CREATE TABLE anomaly_rule_v6 (
  seq           INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('settings', 'exclusion', 'expected', 'fixed', 'acknowledged')),
  product_id    TEXT,
  metric        TEXT,
  from_ts       TEXT,
  to_ts         TEXT,
  reason        TEXT,
  settings_json TEXT
);
INSERT INTO anomaly_rule_v6 (seq, kind, product_id, metric, from_ts, to_ts, reason, settings_json)
  SELECT seq, kind, product_id, metric, from_ts, to_ts, reason, settings_json FROM anomaly_rule;
DROP TABLE anomaly_rule;
ALTER TABLE anomaly_rule_v6 RENAME TO anomaly_rule;
