package dev.meshpilot.sandbox.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditLogTest {
    @TempDir
    Path tmp;

    Path file;

    @BeforeEach
    void fill() {
        file = tmp.resolve("audit.db");
        try (AuditLog log = AuditLog.open(file)) {
            for (int i = 0; i < 10; i++) {
                log.append(entry("alice", "tool_" + (i % 3), "ok"));
            }
        }
    }

    static AuditEntry entry(String principal, String tool, String decision) {
        return new AuditEntry(
                Instant.parse("2026-11-25T09:00:00Z"),
                principal,
                "cli",
                "run-1",
                tool,
                "d",
                decision,
                null,
                12,
                34,
                null);
    }

    static void sql(Path file, String sql) throws Exception {
        try (Connection c = AuditLog.connect(file);
                Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    static VerifyResult verify(Path file) {
        try (AuditLog log = AuditLog.open(file)) {
            return log.verify();
        }
    }

    @Test
    void should_verify_an_untouched_chain_and_continue_it_after_reopening() {
        try (AuditLog log = AuditLog.open(file)) {
            AuditRecord next = log.append(entry("bob", "tool_0", "denied"));
            assertThat(next.seq()).isEqualTo(11);
            assertThat(log.verify()).isEqualTo(new VerifyResult(11, null, null));
            assertThat(log.tail("bob", null, 5))
                    .singleElement()
                    .satisfies(r -> assertThat(r.seq()).isEqualTo(11));
            assertThat(log.tail(null, "tool_1", 50)).hasSize(3);
            assertThat(log.tail("alice", "tool_1", 2))
                    .extracting(AuditRecord::seq)
                    .containsExactly(8L, 5L);
        }
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void should_keep_every_record_and_a_valid_chain_when_many_threads_append(Durability durability) throws Exception {
        try (AuditLog log = AuditLog.open(file, durability);
                ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int t = 0; t < 16; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        log.append(entry("p" + thread, "tool", "ok"));
                    }
                });
            }
        }

        VerifyResult v = verify(file);
        assertThat(v.valid()).as(String.valueOf(v.problem())).isTrue();
        assertThat(v.checked()).isEqualTo(10 + 16 * 100);
    }

    @Test
    void should_keep_one_chain_when_two_processes_append_to_the_same_file() throws Exception {
        try (AuditLog a = AuditLog.open(file);
                AuditLog b = AuditLog.open(file);
                ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                AuditLog log = t % 2 == 0 ? a : b;
                pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        log.append(entry("p", "tool", "ok"));
                    }
                });
            }
        }

        assertThat(verify(file)).isEqualTo(new VerifyResult(10 + 8 * 50, null, null));
    }

    @Test
    void should_keep_the_arguments_text_in_the_chain_so_an_edit_to_it_is_found() throws Exception {
        try (AuditLog log = AuditLog.open(file)) {
            AuditEntry withArgs = new AuditEntry(
                    Instant.parse("2026-11-25T09:00:00Z"),
                    "alice",
                    "mcp",
                    "run-2",
                    "get_data_product",
                    "d",
                    "ok",
                    null,
                    12,
                    34,
                    null,
                    "{\"id\":\"finance.revenue_daily\"}");
            AuditRecord r = log.append(withArgs);
            assertThat(log.tail("alice", "get_data_product", 1))
                    .singleElement()
                    .satisfies(t -> assertThat(t.entry().args()).isEqualTo("{\"id\":\"finance.revenue_daily\"}"));
            assertThat(log.verify().firstBrokenSeq()).isNull();

            sql(file, "UPDATE audit SET args = '{\"id\":\"payments.transactions\"}' WHERE seq = " + r.seq());

            assertThat(log.verify().firstBrokenSeq()).isEqualTo(r.seq());
        }
    }

    @Test
    void should_add_the_arguments_column_to_an_older_log_whose_records_still_verify() throws Exception {
        Path old = tmp.resolve("old.db");
        try (AuditLog log = AuditLog.open(old)) {
            log.append(entry("alice", "tool_0", "ok"));
        }
        // a log as written before the column existed: rebuild the table without it
        sql(
                old,
                "CREATE TABLE audit_old AS SELECT seq, time, principal, agent, run_id, tool, args_digest, decision, "
                        + "reason, duration_us, output_bytes, prompt_version, prev_hash, hash FROM audit");
        sql(old, "DROP TABLE audit");
        sql(old, "ALTER TABLE audit_old RENAME TO audit");

        try (AuditLog log = AuditLog.open(old)) {
            log.append(entry("bob", "tool_1", "ok"));
            assertThat(log.verify()).isEqualTo(new VerifyResult(2, null, null));
            assertThat(log.tail(null, null, 5))
                    .extracting(t -> t.entry().args())
                    .containsOnlyNulls();
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
    void should_refuse_appends_after_close() {
        AuditLog log = AuditLog.open(file);
        log.close();

        assertThatThrownBy(() -> log.append(entry("alice", "t", "ok")))
                .isInstanceOfSatisfying(
                        MeshpilotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILED))
                .hasMessageContaining("closed");
    }

    @Test
    void should_strip_separators_and_cut_long_reasons() {
        AuditEntry e =
                new AuditEntry(Instant.EPOCH, "a\u001fb", null, null, "t", null, "ok", "x".repeat(5000), 0, 0, null);

        assertThat(e.principal()).isEqualTo("a\ufffdb");
        assertThat(e.reason()).hasSize(AuditEntry.MAX_REASON + 1);
    }
}
