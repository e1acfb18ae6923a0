-- The declared mesh: what a workspace folder says. Re-loading replaces these rows in place.
CREATE TABLE mesh_info (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  name        TEXT NOT NULL,
  description TEXT,
  as_of       TEXT,
  source_dir  TEXT NOT NULL,
  loaded_at   TEXT NOT NULL
);

CREATE TABLE team (
  id      TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  email   TEXT,
  chat    TEXT,
  oncall  TEXT
);

CREATE TABLE role (
  id          TEXT PRIMARY KEY,
  description TEXT,
  grants_json TEXT NOT NULL
);

CREATE TABLE principal (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('user', 'service')),
  name       TEXT,
  email      TEXT,
  team       TEXT REFERENCES team (id),
  roles_json TEXT NOT NULL
);

CREATE TABLE channel (
  id     TEXT PRIMARY KEY,
  kind   TEXT NOT NULL,
  target TEXT NOT NULL
);

CREATE TABLE domain (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT,
  owner       TEXT NOT NULL REFERENCES team (id),
  oncall      TEXT,
  chat        TEXT,
  source_file TEXT NOT NULL
);

CREATE TABLE product (
  id           TEXT PRIMARY KEY,
  domain       TEXT NOT NULL REFERENCES domain (id),
  name         TEXT NOT NULL,
  description  TEXT,
  owner        TEXT REFERENCES team (id),
  owner_declared INTEGER NOT NULL DEFAULT 1,
  criticality  TEXT NOT NULL CHECK (criticality IN ('critical', 'high', 'medium', 'low')),
  tags_json    TEXT NOT NULL,
  contract_id  TEXT,
  slos_json    TEXT NOT NULL,
  source_file  TEXT NOT NULL
);

CREATE TABLE product_port (
  namespace   TEXT NOT NULL,
  name        TEXT NOT NULL,
  product_id  TEXT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  description TEXT,
  PRIMARY KEY (namespace, name)
);
CREATE INDEX product_port_by_product ON product_port (product_id);

-- Every version of every contract ever loaded is kept; document_json is the ODCS document as JSON.
CREATE TABLE contract (
  id            TEXT NOT NULL,
  version       TEXT NOT NULL,
  status        TEXT NOT NULL,
  name          TEXT,
  api_version   TEXT NOT NULL,
  document_json TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  source_file   TEXT NOT NULL,
  loaded_at     TEXT NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE policy (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  description TEXT,
  severity    TEXT NOT NULL,
  document_json TEXT NOT NULL,
  source_file TEXT NOT NULL
);

CREATE TABLE runbook (
  id              TEXT PRIMARY KEY,
  title           TEXT NOT NULL,
  applies_to_json TEXT NOT NULL,
  tags_json       TEXT NOT NULL,
  body            TEXT NOT NULL,
  source_file     TEXT NOT NULL
);

-- Incidents: from the workspace history, or opened by events and alerts (deduplicated by fingerprint).
CREATE TABLE incident (
  id           TEXT PRIMARY KEY,
  number       INTEGER NOT NULL UNIQUE,
  title        TEXT NOT NULL,
  product_id   TEXT,
  status       TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  severity     TEXT,
  error_class  TEXT,
  description  TEXT,
  root_cause   TEXT,
  resolution   TEXT,
  fingerprint  TEXT,
  source       TEXT NOT NULL,
  opened_at    TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  resolved_at  TEXT,
  event_count  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX incident_by_fingerprint ON incident (fingerprint, status);
CREATE INDEX incident_by_product ON incident (product_id);

-- Observed state (from snapshots or connectors).
CREATE TABLE observed_grant (
  principal    TEXT NOT NULL,
  product_id   TEXT NOT NULL,
  privilege    TEXT NOT NULL,
  columns_json TEXT,
  granted_at   TEXT,
  PRIMARY KEY (principal, product_id, privilege)
);

CREATE TABLE observed_schema (
  product_id  TEXT NOT NULL,
  column_name TEXT NOT NULL,
  type        TEXT,
  position    INTEGER NOT NULL,
  observed_at TEXT NOT NULL,
  PRIMARY KEY (product_id, column_name)
);

CREATE TABLE observed_retention (
  product_id       TEXT PRIMARY KEY,
  oldest_partition TEXT NOT NULL,
  newest_partition TEXT NOT NULL,
  partitions       INTEGER,
  observed_at      TEXT NOT NULL
);
