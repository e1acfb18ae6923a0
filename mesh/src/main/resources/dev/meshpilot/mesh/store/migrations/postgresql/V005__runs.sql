-- PostgreSQL twin of ../V005__runs.sql: the same tables, columns and keys. Text columns compare byte by byte
-- (COLLATE "C", as SQLite does), REAL is DOUBLE PRECISION, and SQLite's WITHOUT ROWID has no equivalent.
-- Recorded agent runs (drift sweeps and any scheduled agent) and their findings by stable fingerprint, so a run
-- is compared with the previous one of the same agent and scope (new, persisting since first seen, resolved).
CREATE TABLE agent_run (
  id          TEXT COLLATE "C" PRIMARY KEY,
  agent       TEXT COLLATE "C" NOT NULL,
  scope       TEXT COLLATE "C" NOT NULL,
  principal   TEXT COLLATE "C" NOT NULL,
  trigger     TEXT COLLATE "C" NOT NULL,
  started_at  TEXT COLLATE "C" NOT NULL,
  finished_at TEXT COLLATE "C" NOT NULL,
  headline    TEXT COLLATE "C",
  report_json TEXT COLLATE "C" NOT NULL,
  -- SQLite's implicit rowid, made explicit: the insertion order that breaks ties between runs finished at once
  rowid       BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX agent_run_by_scope ON agent_run (agent, scope, finished_at);

CREATE TABLE agent_finding (
  run_id       TEXT COLLATE "C" NOT NULL REFERENCES agent_run (id) ON DELETE CASCADE,
  fingerprint  TEXT COLLATE "C" NOT NULL,
  state        TEXT COLLATE "C" NOT NULL,
  first_seen   TEXT COLLATE "C" NOT NULL,
  level        TEXT COLLATE "C",
  title        TEXT COLLATE "C",
  finding_json TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (run_id, fingerprint)
);

-- One row per schedule and fire time: inserting it claims the fire (the primary key lets one process win);
-- the owner holds a lease it renews by heartbeat; a lease that ran out may be taken over by another process.
CREATE TABLE schedule_fire (
  schedule     TEXT COLLATE "C" NOT NULL,
  fire_time    TEXT COLLATE "C" NOT NULL,
  status       TEXT COLLATE "C" NOT NULL CHECK (status IN ('running', 'done', 'failed', 'missed')),
  owner        TEXT COLLATE "C" NOT NULL,
  lease_until  TEXT COLLATE "C" NOT NULL,
  heartbeat_at TEXT COLLATE "C" NOT NULL,
  attempts     INTEGER NOT NULL,
  trigger      TEXT COLLATE "C" NOT NULL,
  run_id       TEXT COLLATE "C",
  finished_at  TEXT COLLATE "C",
  error        TEXT COLLATE "C",
  notified     TEXT COLLATE "C",
  PRIMARY KEY (schedule, fire_time)
);
