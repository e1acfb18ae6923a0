-- The chat user id a principal is known by (e.g. a Slack member id, U0123ABCD), so a slash command or a mention
-- acts as the principal it maps to. Null for principals that never use chat.
ALTER TABLE principal ADD COLUMN slack TEXT;
CREATE INDEX principal_slack ON principal (slack);
