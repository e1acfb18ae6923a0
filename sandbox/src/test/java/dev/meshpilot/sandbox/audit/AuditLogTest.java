package dev.meshpilot.sandbox.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        }
    }

    @Test
    void should_find_an_edited_record() throws Exception {
        sql(file, "UPDATE audit SET decision = 'ok', principal = 'mallory' WHERE seq = 4");

        VerifyResult v = verify(file);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(4);
        assertThat(v.problem()).contains("edited");
    }

    @Test
    void should_find_a_deleted_record_in_the_middle() throws Exception {
        sql(file, "DELETE FROM audit WHERE seq = 6");

        VerifyResult v = verify(file);
        assertThat(v.firstBrokenSeq()).isEqualTo(6);
        assertThat(v.problem()).contains("missing");
    }

    @Test
    void should_find_reordered_records() throws Exception {
        sql(file, "UPDATE audit SET seq = -1 WHERE seq = 3");
        sql(file, "UPDATE audit SET seq = 3 WHERE seq = 5");
        sql(file, "UPDATE audit SET seq = 5 WHERE seq = -1");

        VerifyResult v = verify(file);
        assertThat(v.firstBrokenSeq()).isEqualTo(3);
    }

    @Test
    void should_find_a_record_rewritten_with_a_recomputed_hash_of_its_own() throws Exception {
        AuditEntry forged = entry("mallory", "tool_0", "ok");
        String prev;
        try (AuditLog log = AuditLog.open(file)) {
            prev = log.tail(null, null, 10).stream()
                    .filter(r -> r.seq() == 6)
                    .findFirst()
                    .orElseThrow()
                    .prevHash();
        }
        sql(file, "UPDATE audit SET principal = 'mallory', hash = '" + Chain.hash(7, prev, forged) + "' WHERE seq = 7");

        assertThat(verify(file).firstBrokenSeq()).isEqualTo(7);
    }

    @Test
    void should_keep_every_record_and_a_valid_chain_when_many_threads_append() throws Exception {
        try (AuditLog log = AuditLog.open(file);
                ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int t = 0; t < 16; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        log.append(entry("p" + thread, "tool", "ok"));
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        VerifyResult v = verify(file);
        assertThat(v.valid()).as(String.valueOf(v.problem())).isTrue();
        assertThat(v.checked()).isEqualTo(10 + 16 * 100);
    }
}
