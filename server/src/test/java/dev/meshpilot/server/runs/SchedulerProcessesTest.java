package dev.meshpilot.server.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.ledger.RunLedger;
import dev.meshpilot.mesh.schedule.FireLeases;
import dev.meshpilot.mesh.schedule.FireRecord;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two scheduler JVMs ({@link SchedulerProcess}) on one SQLite store, one schedule firing every minute of a
 * {@link FastClock} 12 times faster than the wall clock (a fire time every 5 real seconds; the lease of 20 clock
 * seconds runs out 1.7 real seconds after the last heartbeat). One is killed with SIGKILL mid-run; the other takes
 * the fire time over. Bounded: every wait has a deadline and the test a timeout of 90 s.
 */
class SchedulerProcessesTest {
    static final long FACTOR = 12;
    static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void should_run_every_fire_time_once_and_take_over_a_killed_run_when_two_processes_share_a_store()
            throws Exception {
        Assumptions.assumeTrue(
                Files.isDirectory(SchedulerTest.DEMO), "no demo mesh at " + SchedulerTest.DEMO + ": skipping");
        Path db = tmp.resolve("shared.db");
        WorkspaceLoader.load(SchedulerTest.DEMO, MeshStore.open(db), Progress.NONE);
        long start = System.currentTimeMillis();
        Instant base = Instant.parse("2026-12-07T05:59:50Z");
        List<Process> all = new ArrayList<>();
        try {
            Process a = launch(db, "process-a", base, start, all);
            Process b = launch(db, "process-b", base, start, all);
            waitFor(l -> l.stream().filter(x -> x.startsWith("READY")).count() == 2, a, b);
            int seenA = lines("process-a").size();
            int seenB = lines("process-b").size();
            // the first run that starts once both are ticking: its owner is killed 300 ms into it
            waitFor(l -> runAfter("process-a", seenA) || runAfter("process-b", seenB), a, b);
            String victim = runAfter("process-a", seenA) ? "process-a" : "process-b";
            Thread.sleep(300);
            Process killed = victim.equals("process-a") ? a : b;
            Process survivor = killed == a ? b : a;
            String other = killed == a ? "process-b" : "process-a";
            killed.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, the lease is left running
            killed.waitFor(10, TimeUnit.SECONDS);
            int before = done(other).size();
            // the survivor finishes the killed run's fire time and the next one
            waitFor(l -> done(other).size() >= before + 2, survivor);
            survivor.destroyForcibly();
            survivor.waitFor(10, TimeUnit.SECONDS);

            {
                MeshStore store = MeshStore.open(db);
                List<FireRecord> fires =
                        new FireLeases(store, "test", Duration.ofSeconds(20)).history(SchedulerProcess.SCHEDULE, 100);
                assertThat(fires).extracting(FireRecord::fireTime).doesNotHaveDuplicates();
                Instant lastDone = done(other).getLast();
                List<FireRecord> judged = fires.stream()
                        .filter(f -> !f.fireTime().isAfter(lastDone))
                        .toList();
                assertThat(judged).allSatisfy(f -> assertThat(f.status()).isIn("done", "missed"));
                // The victim's fire time is taken over when its lease runs out before the next fire time; when the
                // next one came first (a slow machine: the kill landed late in the run), only the latest is run
                // again and the victim's is closed as missed, naming the dead owner (docs/decisions/0006).
                List<FireRecord> victims = judged.stream()
                        .filter(f -> f.attempts() == 2 || f.status().equals("missed"))
                        .toList();
                assertThat(victims)
                        .as("fire records %s; outputs %s %s", fires, lines("process-a"), lines("process-b"))
                        .singleElement()
                        .satisfies(f -> {
                            if (f.attempts() == 2) { // claimed by the victim, then taken over
                                assertThat(f.owner()).isEqualTo(other);
                                assertThat(f.status()).isEqualTo("done");
                            } else {
                                assertThat(f.owner()).isEqualTo(victim);
                                assertThat(f.error()).contains("its run by " + victim + " stopped");
                            }
                        });
                long recorded = new RunLedger(store)
                        .list("drift", "payments", 100).stream()
                                .filter(r -> r.trigger().equals("schedule:" + SchedulerProcess.SCHEDULE))
                                .count();
                long doneRecords =
                        fires.stream().filter(f -> f.status().equals("done")).count();
                assertThat(recorded).isEqualTo(doneRecords);
                List<Instant> both = new ArrayList<>(done("process-a"));
                both.addAll(done("process-b"));
                Map<Instant, Long> perFire =
                        both.stream().collect(Collectors.groupingBy(i -> i, Collectors.counting()));
                assertThat(perFire.values()).allMatch(n -> n == 1);
                assertThat(perFire.keySet())
                        .containsExactlyInAnyOrderElementsOf(fires.stream()
                                .filter(f -> f.status().equals("done"))
                                .map(FireRecord::fireTime)
                                .toList());
            }
        } finally {
            all.forEach(Process::destroyForcibly);
        }
    }

    private Process launch(Path db, String owner, Instant base, long start, List<Process> all) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SchedulerProcess.class.getName(),
                db.toString(),
                tmp.resolve(owner).toString(),
                owner,
                base.toString(),
                Long.toString(start),
                Long.toString(FACTOR));
        pb.redirectOutput(tmp.resolve(owner + ".out").toFile());
        pb.redirectError(tmp.resolve(owner + ".err").toFile());
        Process p = pb.start();
        all.add(p);
        return p;
    }

    /** Both outputs, a's then b's, once {@code until} holds; fails when a process dies first or after WAIT. */
    private List<String> waitFor(Predicate<List<String>> until, Process... alive) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> l = new ArrayList<>(lines("process-a"));
            l.addAll(lines("process-b"));
            if (until.test(l)) {
                return l;
            }
            for (Process p : alive) {
                if (!p.isAlive()) {
                    throw new AssertionError("a scheduler process exited with " + p.exitValue() + ": " + errors());
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(
                "not reached within " + WAIT + ": " + lines("process-a") + " " + lines("process-b") + " " + errors());
    }

    private boolean runAfter(String owner, int seen) {
        try {
            List<String> l = lines(owner);
            return l.subList(Math.min(seen, l.size()), l.size()).stream().anyMatch(x -> x.startsWith("RUN "));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> lines(String owner) throws IOException {
        Path f = tmp.resolve(owner + ".out");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    private List<Instant> done(String owner) {
        try {
            return lines(owner).stream()
                    .filter(x -> x.startsWith("DONE " + owner + " done "))
                    .map(x -> Instant.parse(x.substring(x.lastIndexOf(' ') + 1)))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String errors() throws IOException {
        StringBuilder s = new StringBuilder();
        for (String o : List.of("process-a", "process-b")) {
            Path f = tmp.resolve(o + ".err");
            if (Files.exists(f)) {
                String t = Files.readString(f);
                s.append(o)
                        .append(" stderr: ")
                        .append(t, Math.max(0, t.length() - 2000), t.length())
                        .append('\n');
            }
        }
        return s.toString();
    }
}
