-- PostgreSQL twin of ../V003__alerts.sql: the same tables, columns and keys. Text columns compare byte by byte
-- (COLLATE "C", as SQLite does), REAL is DOUBLE PRECISION, and SQLite's WITHOUT ROWID has no equivalent.
-- Alerts received from Prometheus Alertmanager (POST /api/v1/alerts/alertmanager; see docs/alerts.md).
-- One row per distinct (alert fingerprint, startsAt, status): the digest makes Alertmanager's re-sends of a
-- notification no-ops. incident_id is the incident opened, updated or noted (NULL for a resolved alert
-- with no open incident); it is not a foreign key, so a workspace reload never trips over it.
CREATE TABLE alert_event (
  digest           TEXT COLLATE "C" PRIMARY KEY,
  fingerprint      TEXT COLLATE "C" NOT NULL,
  alertname        TEXT COLLATE "C" NOT NULL,
  status           TEXT COLLATE "C" NOT NULL CHECK (status IN ('firing', 'resolved')),
  starts_at        TEXT COLLATE "C" NOT NULL,
  ends_at          TEXT COLLATE "C",
  product_id       TEXT COLLATE "C",
  incident_id      TEXT COLLATE "C",
  group_key        TEXT COLLATE "C",
  receiver         TEXT COLLATE "C",
  generator_url    TEXT COLLATE "C",
  labels_json      TEXT COLLATE "C" NOT NULL,
  annotations_json TEXT COLLATE "C" NOT NULL,
  received_at      TEXT COLLATE "C" NOT NULL
);
CREATE INDEX alert_event_by_alert ON alert_event (fingerprint, starts_at);
CREATE INDEX alert_event_by_incident ON alert_event (incident_id);
