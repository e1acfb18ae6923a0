-- PostgreSQL twin of ../V008__principal_chat.sql: the same tables, columns and keys. Text columns compare byte by byte
-- (COLLATE "C", as SQLite does), REAL is DOUBLE PRECISION, and SQLite's WITHOUT ROWID has no equivalent.
-- The chat user id a principal is known by (e.g. a Slack member id, U0123ABCD), so a slash command or a mention
-- acts as the principal it maps to. Null for principals that never use chat.
ALTER TABLE principal ADD COLUMN slack TEXT COLLATE "C";
CREATE INDEX principal_slack ON principal (slack);
