-- The audit chain: one row per record, numbered 1, 2, 3... in one total order across all writers.
-- time stays text (the exact ISO-8601 instant the hash covers).
CREATE TABLE audit_entry (
    seq BIGINT PRIMARY KEY,
    time TEXT NOT NULL,
    principal TEXT NOT NULL,
    agent TEXT,
    run_id TEXT,
    tool TEXT NOT NULL,
    args_digest TEXT,
    decision TEXT NOT NULL,
    reason TEXT,
    duration_us BIGINT NOT NULL,
    output_bytes BIGINT NOT NULL,
    prompt_version TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    args TEXT
);

-- The chain's head: the newest committed record. Every append locks this one row (SELECT ... FOR UPDATE)
-- for its transaction, so appends from every replica are serialized (docs/decisions/0007).
CREATE TABLE audit_head (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
