-- Recorded agent runs (drift sweeps and any scheduled agent) and their findings by stable fingerprint, so a run
-- is compared with the previous one of the same agent and scope (new, persisting since first seen, resolved).
CREATE TABLE agent_run (
  id          TEXT PRIMARY KEY,
  agent       TEXT NOT NULL,
  scope       TEXT NOT NULL,
  principal   TEXT NOT NULL,
  trigger     TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  headline    TEXT,
  report_json TEXT NOT NULL
);
CREATE INDEX agent_run_by_scope ON agent_run (agent, scope, finished_at);

CREATE TABLE agent_finding (
  run_id       TEXT NOT NULL REFERENCES agent_run (id) ON DELETE CASCADE,
  fingerprint  TEXT NOT NULL,
  state        TEXT NOT NULL,
  first_seen   TEXT NOT NULL,
  level        TEXT,
  title        TEXT,
  finding_json TEXT NOT NULL,
  PRIMARY KEY (run_id, fingerprint)
);

-- One row per schedule and fire time: inserting it claims the fire (the primary key lets one process win);
-- the owner holds a lease it renews by heartbeat; a lease that ran out may be taken over by another process.
CREATE TABLE schedule_fire (
  schedule     TEXT NOT NULL,
  fire_time    TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'missed')),
  owner        TEXT NOT NULL,
  lease_until  TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL,
  attempts     INTEGER NOT NULL,
  trigger      TEXT NOT NULL,
  run_id       TEXT,
  finished_at  TEXT,
  error        TEXT,
  notified     TEXT,
  PRIMARY KEY (schedule, fire_time)
);
