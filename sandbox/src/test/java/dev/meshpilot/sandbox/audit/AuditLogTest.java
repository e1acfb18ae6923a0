package dev.meshpilot.sandbox.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log's behaviour in a SQLite file (the default), and what only SQLite logs need. */
class AuditLogTest extends AuditLogBehaviour {
    @TempDir
    Path tmp;

    @Override
    AuditEngine freshEngine() {
        return new AuditEngine.Sqlite(tmp.resolve("audit.db"));
    }

    @Test
    void should_add_the_arguments_column_to_an_older_log_whose_records_still_verify() throws Exception {
        AuditEngine old = new AuditEngine.Sqlite(tmp.resolve("old.db"));
        try (AuditLog log = old.open()) {
            log.append(entry("alice", "tool_0", "ok"));
        }
        // a log as written before the column existed: rebuild the table without it
        old.sql("CREATE TABLE audit_old AS SELECT seq, time, principal, agent, run_id, tool, args_digest, decision, "
                + "reason, duration_us, output_bytes, prompt_version, prev_hash, hash FROM audit");
        old.sql("DROP TABLE audit");
        old.sql("ALTER TABLE audit_old RENAME TO audit");

        try (AuditLog log = old.open()) {
            log.append(entry("bob", "tool_1", "ok"));
            assertThat(log.verify()).isEqualTo(new VerifyResult(2, null, null));
            assertThat(log.tail(null, null, 5))
                    .extracting(t -> t.entry().args())
                    .containsOnlyNulls();
        }
    }

    @Test
    void should_keep_the_log_in_the_homes_file_when_no_postgresql_url_is_set() {
        Map<String, String> env = Map.of("MESHPILOT_STORE_URL", "jdbc:sqlite:" + tmp.resolve("meshpilot.db"));
        try (AuditLog log = AuditLog.forHome(tmp, env)) {
            assertThat(log.file()).isEqualTo(tmp.resolve("audit.db"));
            assertThat(log.verify().checked()).isEqualTo(10);
        }
    }

    @Test
    void should_cut_long_arguments() {
        AuditEntry e = new AuditEntry(
                Instant.parse("2026-11-25T09:00:00Z"),
                "alice",
                "mcp",
                "r",
                "sql.query",
                "d",
                "ok",
                null,
                1,
                1,
                null,
                "x".repeat(AuditEntry.MAX_ARGS + 50));
        assertThat(e.args()).hasSize(AuditEntry.MAX_ARGS + 1).endsWith("…");
    }

    @Test
    void should_strip_separators_and_cut_long_reasons() {
        AuditEntry e =
                new AuditEntry(Instant.EPOCH, "a\u001fb", null, null, "t", null, "ok", "x".repeat(5000), 0, 0, null);

        assertThat(e.principal()).isEqualTo("a\ufffdb");
        assertThat(e.reason()).hasSize(AuditEntry.MAX_REASON + 1);
    }

    @Test
    void should_leave_the_password_out_of_a_postgresql_targets_text() {
        PostgresTarget t = new PostgresTarget("jdbc:postgresql://db:5432/mesh?password=s3cret&ssl=true", "u", "p");

        assertThat(t.toString()).isEqualTo("jdbc:postgresql://db:5432/mesh?ssl=true as u");
    }
}
