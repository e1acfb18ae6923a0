-- Alerts received from Prometheus Alertmanager (POST /api/v1/alerts/alertmanager; see docs/alerts.md).
-- One row per distinct (alert fingerprint, startsAt, status): the digest makes Alertmanager's re-sends of a
-- notification no-ops. incident_id is the incident opened, updated or noted (NULL for a resolved alert
-- with no open incident); it is not a foreign key, so a workspace reload never trips over it.
CREATE TABLE alert_event (
  digest           TEXT PRIMARY KEY,
  fingerprint      TEXT NOT NULL,
  alertname        TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('firing', 'resolved')),
  starts_at        TEXT NOT NULL,
  ends_at          TEXT,
  product_id       TEXT,
  incident_id      TEXT,
  group_key        TEXT,
  receiver         TEXT,
  generator_url    TEXT,
  labels_json      TEXT NOT NULL,
  annotations_json TEXT NOT NULL,
  received_at      TEXT NOT NULL
);
CREATE INDEX alert_event_by_alert ON alert_event (fingerprint, starts_at);
CREATE INDEX alert_event_by_incident ON alert_event (incident_id);
