-- PostgreSQL twin of ../V001__workspace.sql: the same tables, columns and keys. Text columns compare byte by byte
-- (COLLATE "C", as SQLite does), REAL is DOUBLE PRECISION, and SQLite's WITHOUT ROWID has no equivalent.
-- The declared mesh: what a workspace folder says. Re-loading replaces these rows in place.
CREATE TABLE mesh_info (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  name        TEXT COLLATE "C" NOT NULL,
  description TEXT COLLATE "C",
  as_of       TEXT COLLATE "C",
  source_dir  TEXT COLLATE "C" NOT NULL,
  loaded_at   TEXT COLLATE "C" NOT NULL
);

CREATE TABLE team (
  id      TEXT COLLATE "C" PRIMARY KEY,
  name    TEXT COLLATE "C" NOT NULL,
  email   TEXT COLLATE "C",
  chat    TEXT COLLATE "C",
  oncall  TEXT COLLATE "C"
);

CREATE TABLE role (
  id          TEXT COLLATE "C" PRIMARY KEY,
  description TEXT COLLATE "C",
  grants_json TEXT COLLATE "C" NOT NULL
);

CREATE TABLE principal (
  id         TEXT COLLATE "C" PRIMARY KEY,
  kind       TEXT COLLATE "C" NOT NULL CHECK (kind IN ('user', 'service')),
  name       TEXT COLLATE "C",
  email      TEXT COLLATE "C",
  team       TEXT COLLATE "C" REFERENCES team (id),
  roles_json TEXT COLLATE "C" NOT NULL
);

CREATE TABLE channel (
  id     TEXT COLLATE "C" PRIMARY KEY,
  kind   TEXT COLLATE "C" NOT NULL,
  target TEXT COLLATE "C" NOT NULL
);

CREATE TABLE domain (
  id          TEXT COLLATE "C" PRIMARY KEY,
  name        TEXT COLLATE "C" NOT NULL,
  description TEXT COLLATE "C",
  owner       TEXT COLLATE "C" NOT NULL REFERENCES team (id),
  oncall      TEXT COLLATE "C",
  chat        TEXT COLLATE "C",
  source_file TEXT COLLATE "C" NOT NULL
);

CREATE TABLE product (
  id           TEXT COLLATE "C" PRIMARY KEY,
  domain       TEXT COLLATE "C" NOT NULL REFERENCES domain (id),
  name         TEXT COLLATE "C" NOT NULL,
  description  TEXT COLLATE "C",
  owner        TEXT COLLATE "C" REFERENCES team (id),
  owner_declared INTEGER NOT NULL DEFAULT 1,
  criticality  TEXT COLLATE "C" NOT NULL CHECK (criticality IN ('critical', 'high', 'medium', 'low')),
  tags_json    TEXT COLLATE "C" NOT NULL,
  contract_id  TEXT COLLATE "C",
  slos_json    TEXT COLLATE "C" NOT NULL,
  source_file  TEXT COLLATE "C" NOT NULL
);

CREATE TABLE product_port (
  namespace   TEXT COLLATE "C" NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  product_id  TEXT COLLATE "C" NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  description TEXT COLLATE "C",
  PRIMARY KEY (namespace, name)
);
CREATE INDEX product_port_by_product ON product_port (product_id);

-- Every version of every contract ever loaded is kept; document_json is the ODCS document as JSON.
CREATE TABLE contract (
  id            TEXT COLLATE "C" NOT NULL,
  version       TEXT COLLATE "C" NOT NULL,
  status        TEXT COLLATE "C" NOT NULL,
  name          TEXT COLLATE "C",
  api_version   TEXT COLLATE "C" NOT NULL,
  document_json TEXT COLLATE "C" NOT NULL,
  sha256        TEXT COLLATE "C" NOT NULL,
  source_file   TEXT COLLATE "C" NOT NULL,
  loaded_at     TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE policy (
  id          TEXT COLLATE "C" PRIMARY KEY,
  kind        TEXT COLLATE "C" NOT NULL,
  description TEXT COLLATE "C",
  severity    TEXT COLLATE "C" NOT NULL,
  document_json TEXT COLLATE "C" NOT NULL,
  source_file TEXT COLLATE "C" NOT NULL
);

CREATE TABLE runbook (
  id              TEXT COLLATE "C" PRIMARY KEY,
  title           TEXT COLLATE "C" NOT NULL,
  applies_to_json TEXT COLLATE "C" NOT NULL,
  tags_json       TEXT COLLATE "C" NOT NULL,
  body            TEXT COLLATE "C" NOT NULL,
  source_file     TEXT COLLATE "C" NOT NULL
);

-- Incidents: from the workspace history, or opened by events and alerts (deduplicated by fingerprint).
CREATE TABLE incident (
  id           TEXT COLLATE "C" PRIMARY KEY,
  number       INTEGER NOT NULL UNIQUE,
  title        TEXT COLLATE "C" NOT NULL,
  product_id   TEXT COLLATE "C",
  status       TEXT COLLATE "C" NOT NULL CHECK (status IN ('open', 'resolved')),
  severity     TEXT COLLATE "C",
  error_class  TEXT COLLATE "C",
  description  TEXT COLLATE "C",
  root_cause   TEXT COLLATE "C",
  resolution   TEXT COLLATE "C",
  fingerprint  TEXT COLLATE "C",
  source       TEXT COLLATE "C" NOT NULL,
  opened_at    TEXT COLLATE "C" NOT NULL,
  updated_at   TEXT COLLATE "C" NOT NULL,
  resolved_at  TEXT COLLATE "C",
  event_count  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX incident_by_fingerprint ON incident (fingerprint, status);
CREATE INDEX incident_by_product ON incident (product_id);

-- Observed state (from snapshots or connectors).
CREATE TABLE observed_grant (
  principal    TEXT COLLATE "C" NOT NULL,
  product_id   TEXT COLLATE "C" NOT NULL,
  privilege    TEXT COLLATE "C" NOT NULL,
  columns_json TEXT COLLATE "C",
  granted_at   TEXT COLLATE "C",
  PRIMARY KEY (principal, product_id, privilege)
);

CREATE TABLE observed_schema (
  product_id  TEXT COLLATE "C" NOT NULL,
  column_name TEXT COLLATE "C" NOT NULL,
  type        TEXT COLLATE "C",
  position    INTEGER NOT NULL,
  observed_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (product_id, column_name)
);

CREATE TABLE observed_retention (
  product_id       TEXT COLLATE "C" PRIMARY KEY,
  oldest_partition TEXT COLLATE "C" NOT NULL,
  newest_partition TEXT COLLATE "C" NOT NULL,
  partitions       INTEGER,
  observed_at      TEXT COLLATE "C" NOT NULL
);
