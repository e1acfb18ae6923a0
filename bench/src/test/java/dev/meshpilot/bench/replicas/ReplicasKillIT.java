package dev.meshpilot.bench.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped two-replica example under a {@code kill -9}: clients post OpenLineage events through HAProxy while
 * one replica is killed with SIGKILL; afterwards every acknowledged event is in the PostgreSQL store exactly once,
 * the shared audit chain verifies, and the survivor serves MCP through the balancer and runs its schedule. Skips
 * with one line without a PostgreSQL ({@code MESHPILOT_TEST_POSTGRES_*}) or without {@code haproxy}.
 */
class ReplicasKillIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final int CLIENTS = 4;
    static final int EACH = 75;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void should_lose_and_duplicate_no_acknowledged_event_and_keep_serving_when_a_replica_is_killed() throws Exception {
        String why = PostgresTarget.unavailable();
        Assumptions.assumeTrue(why == null, why);
        Assumptions.assumeTrue(ReplicaSet.haproxyBinary() != null, "haproxy is not installed: skipping");
        Assumptions.assumeTrue(
                Files.isRegularFile(ROOT.resolve("server/target/meshpilot.jar")),
                "no packaged jar at server/target/meshpilot.jar: skipping");
        PostgresTarget store = PostgresTarget.create();
        try (ReplicaSet set = new ReplicaSet(ROOT, tmp, store)) {
            set.start(config -> config.replace("cron: \"5 * * * *\"", "cron: \"* * * * *\"")
                    + "scheduler:\n  tick: PT1S\n  lease: PT20S\n  heartbeat: PT5S\n");
            LineagePosters posters = new LineagePosters(set.front());
            // two assistants calling a tool meanwhile: audited on whichever replica holds their session
            AtomicBoolean stop = new AtomicBoolean();
            List<McpClient> assistants = List.of(new McpClient(set.front()), new McpClient(set.front()));
            // the first assistant's session lives in the replica about to be killed: it must cost that assistant
            // at most a new session (the balancer round-robins initializes, so a few tries find it)
            McpClient moved = assistants.getFirst();
            for (int i = 0; i < 10 && !"replica-a".equals(moved.replica); i++) {
                moved.initialize();
            }
            assertThat(moved.replica)
                    .as("a session in the replica to be killed")
                    .isEqualTo("replica-a");
            List<Thread> calling = assistants.stream()
                    .map(a -> Thread.ofPlatform().start(() -> a.callUntil(stop)))
                    .toList();
            List<Thread> clients = posters.start(CLIENTS, EACH);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (posters.acknowledged.size() < CLIENTS * EACH / 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            set.replicas[0].destroyForcibly(); // SIGKILL: no shutdown hook, no draining
            set.replicas[0].waitFor(10, TimeUnit.SECONDS);
            Instant killedAt = Instant.now();
            int ackedAtKill = posters.acknowledged.size();
            int sessionsAtKill = moved.initializations.get();
            int callsAtKill = moved.calls.get();
            for (Thread t : clients) {
                t.join(Duration.ofMinutes(4));
            }
            stop.set(true);
            for (Thread t : calling) {
                t.join(Duration.ofMinutes(1));
            }

            assertThat(posters.acknowledged)
                    .as(
                            "every event acknowledged (%d at the kill, %d failed attempts retried)",
                            ackedAtKill, posters.failedAttempts.get())
                    .hasSize(CLIENTS * EACH);
            Map<String, Integer> stored = storedRuns(store);
            assertThat(stored.keySet()).containsAll(posters.acknowledged);
            assertThat(stored)
                    .allSatisfy(
                            (run, n) -> assertThat(n).as("rows of run %s", run).isEqualTo(1));
            assertThat(set.replicas[1].isAlive()).as(set.output("replica-1")).isTrue();

            assertThat(set.run("verify", "audit", "verify", "--home", set.home(1)))
                    .as(set.output("verify"))
                    .isZero();
            int audited = assistants.stream().mapToInt(a -> a.calls.get()).sum();
            assertThat(set.output("verify"))
                    .as("tool calls answered: %d", audited)
                    .contains("chain intact");
            assertThat(auditRecords(store)).isGreaterThanOrEqualTo(audited);

            assertThat(moved.initializations.get() - sessionsAtKill)
                    .as("sessions the assistant whose replica died had to open again")
                    .isBetween(1, 2);
            assertThat(moved.calls.get()).as("its tool calls after the kill").isGreaterThan(callsAtKill);
            assertThat(moved.replica).isEqualTo("replica-b");

            McpClient fresh = new McpClient(set.front());
            fresh.initialize();
            HttpResponse<String> tools = fresh.request("tools/list", "{}");
            assertThat(tools.statusCode()).as(tools.body()).isEqualTo(200);
            assertThat(tools.body()).contains("get_data_product");

            awaitScheduledFireAfter(store, killedAt, set);
            System.out.printf(
                    "replicas kill test: %d events acknowledged (%d at the kill), %d failed attempts retried; "
                            + "%d audited tool calls, %d MCP initializations; %d audit records%n",
                    posters.acknowledged.size(),
                    ackedAtKill,
                    posters.failedAttempts.get(),
                    audited,
                    assistants.stream().mapToInt(a -> a.initializations.get()).sum(),
                    auditRecords(store));
            assertThat(scheduledRuns(store))
                    .as("agent runs of the schedule: one per fire time done")
                    .isEqualTo(count(store, "SELECT count(*) FROM schedule_fire WHERE status = 'done'"));
        } finally {
            store.drop();
        }
    }

    /** Rows of {@code run_event} per run id of the test's events. */
    private static Map<String, Integer> storedRuns(PostgresTarget store) throws Exception {
        Map<String, Integer> runs = new HashMap<>();
        try (Connection c = store.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT run_id, count(*) FROM run_event WHERE body LIKE '%"
                                + LineagePosters.JOB_NAMESPACE + "%' GROUP BY run_id")) {
            while (rs.next()) {
                runs.put(rs.getString(1), rs.getInt(2));
            }
        }
        return runs;
    }

    private static long auditRecords(PostgresTarget store) throws Exception {
        return count(store, "SELECT count(*) FROM audit_entry");
    }

    private static long scheduledRuns(PostgresTarget store) throws Exception {
        return count(store, "SELECT count(*) FROM agent_run WHERE trigger LIKE 'schedule%'");
    }

    private static long count(PostgresTarget store, String sql) throws Exception {
        try (Connection c = store.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits for a fire time after the kill to be run (done) by the survivor, the only scheduler left. */
    private static void awaitScheduledFireAfter(PostgresTarget store, Instant killedAt, ReplicaSet set)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            try (Connection c = store.connect();
                    PreparedStatement s = c.prepareStatement(
                            "SELECT fire_time, status, owner FROM schedule_fire ORDER BY fire_time")) {
                StringBuilder rows = new StringBuilder();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.append(rs.getString(1))
                                .append(' ')
                                .append(rs.getString(2))
                                .append(' ')
                                .append(rs.getString(3))
                                .append('\n');
                        if (Instant.parse(rs.getString(1)).isAfter(killedAt)
                                && rs.getString(2).equals("done")) {
                            return;
                        }
                    }
                }
                seen = rows.toString();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no fire time after " + killedAt + " ran; fires:\n" + seen + set.output("replica-1"));
    }
}
