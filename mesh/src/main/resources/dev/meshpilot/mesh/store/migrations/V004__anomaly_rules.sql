-- The declarations of a workspace's anomalies.yaml (see docs/workspace.md): detector settings, exclusion
-- windows and feedback on anomalies. Replaced on every load; product_id NULL means every product.
CREATE TABLE anomaly_rule (
  seq           INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('settings', 'exclusion', 'expected', 'fixed')),
  product_id    TEXT,
  metric        TEXT,
  from_ts       TEXT,
  to_ts         TEXT,
  reason        TEXT,
  settings_json TEXT
);
