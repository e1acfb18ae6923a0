package dev.meshpilot.sandbox.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the audit log does on every engine; each engine's test class runs all of it against a fresh log. */
abstract class AuditLogBehaviour extends AuditFixture {
    @Test
    void should_verify_an_untouched_chain_and_continue_it_after_reopening() {
        try (AuditLog log = engine.open()) {
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
        try (AuditLog log = engine.open(durability);
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

        VerifyResult v = verify();
        assertThat(v.valid()).as(String.valueOf(v.problem())).isTrue();
        assertThat(v.checked()).isEqualTo(10 + 16 * 100);
    }

    @Test
    void should_keep_one_chain_with_every_record_once_when_two_replicas_append_at_once() throws Exception {
        List<AuditRecord> returned = java.util.Collections.synchronizedList(new ArrayList<>());
        try (AuditLog a = engine.open();
                AuditLog b = engine.open();
                ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                AuditLog log = t % 2 == 0 ? a : b;
                String writer = "w" + t;
                pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        returned.add(log.append(entry("p", "tool", "ok", writer + "-" + i)));
                    }
                });
            }
        }

        assertThat(verify()).isEqualTo(new VerifyResult(10 + 8 * 50, null, null));
        assertThat(returned).hasSize(8 * 50);
        assertThat(returned).extracting(AuditRecord::seq).doesNotHaveDuplicates();
        try (AuditLog log = engine.open()) {
            List<AuditRecord> stored = log.tail(null, null, 1_000);
            Set<String> runs = new HashSet<>();
            stored.forEach(r -> runs.add(r.entry().runId()));
            assertThat(stored).hasSize(10 + 8 * 50);
            assertThat(runs).hasSize(1 + 8 * 50); // the ten of fill() share "run-1"
            assertThat(stored).containsAll(returned);
        }
    }

    @Test
    void should_keep_a_valid_chain_with_every_returned_record_when_a_replica_is_killed_mid_append() throws Exception {
        Path out = Files.createTempFile("audit-appender", ".out");
        Process child = launchAppender(out);
        List<AuditRecord> mine = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        try (AuditLog log = engine.open();
                ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int t = 0; t < 2; t++) {
                String writer = "parent-" + t;
                pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        mine.add(log.append(entry("parent", "tool", "ok", writer + "-" + i)));
                    }
                });
            }
            awaitLines(out, 200, child);
            child.destroyForcibly().waitFor(); // SIGKILL: mid-append, most likely mid-transaction
            stop.set(true);
        } finally {
            child.destroyForcibly();
        }
        Map<Long, String> returnedByChild = returned(out);

        try (AuditLog log = engine.open()) {
            AuditRecord after = log.append(entry("parent", "tool", "ok", "after-kill"));
            VerifyResult v = log.verify();
            assertThat(v.valid()).as(String.valueOf(v.problem())).isTrue();
            assertThat(v.checked()).isEqualTo(after.seq());
            Map<Long, String> stored = new HashMap<>();
            log.tail(null, null, (int) after.seq())
                    .forEach(r -> stored.put(r.seq(), r.entry().runId()));
            assertThat(stored).containsAllEntriesOf(returnedByChild);
            mine.forEach(
                    r -> assertThat(stored).containsEntry(r.seq(), r.entry().runId()));
        }
    }

    private Process launchAppender(Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                AuditAppender.class.getName()));
        command.addAll(engine.childArgs());
        return new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(
                        ProcessBuilder.Redirect.appendTo(Path.of(out + ".err").toFile()))
                .start();
    }

    /** Waits until the child printed {@code n} records; fails when it died first or after two minutes. */
    private static void awaitLines(Path out, int n, Process child) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (returned(out).size() < n) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the appender printed " + returned(out).size() + " records and "
                        + (child.isAlive() ? "is stuck" : "died: " + Files.readString(Path.of(out + ".err"))));
            }
            Thread.sleep(20);
        }
    }

    /** The records the child printed as returned: complete lines only (the kill may cut the last one). */
    private static Map<Long, String> returned(Path out) throws Exception {
        String text = Files.readString(out);
        Map<Long, String> seen = new HashMap<>();
        text.substring(0, text.lastIndexOf('\n') + 1).lines().forEach(l -> {
            String[] f = l.split(" ");
            seen.put(Long.parseLong(f[0]), f[1]);
        });
        return seen;
    }

    @Test
    void should_keep_the_arguments_text_in_the_chain_so_an_edit_to_it_is_found() throws Exception {
        try (AuditLog log = engine.open()) {
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

            engine.sql("UPDATE {t} SET args = '{\"id\":\"payments.transactions\"}' WHERE seq = " + r.seq());

            assertThat(log.verify().firstBrokenSeq()).isEqualTo(r.seq());
        }
    }

    @Test
    void should_refuse_appends_after_close() {
        AuditLog log = engine.open();
        log.close();

        assertThatThrownBy(() -> log.append(entry("alice", "t", "ok")))
                .isInstanceOfSatisfying(
                        MeshpilotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILED))
                .hasMessageContaining("closed");
    }
}
