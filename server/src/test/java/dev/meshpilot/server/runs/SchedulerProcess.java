package dev.meshpilot.server.runs;

import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.wiring.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One scheduler process of {@link SchedulerProcessesTest}: opens the shared store, its own home (search index),
 * and runs the schedule {@code every-minute} (drift over payments, every minute of a {@link FastClock}) with a
 * slowed-down run, printing {@code RUN <owner>} when a run starts and {@code DONE <owner> <what> <fire>} when a
 * fire time ends, until it is killed.
 *
 * <p>Arguments: db, home, owner, base instant, start millis, clock factor.
 */
final class SchedulerProcess {
    static final String SCHEDULE = "every-minute";

    private SchedulerProcess() {}

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path home = Path.of(args[1]);
        String owner = args[2];
        FastClock clock = new FastClock(Instant.parse(args[3]), Long.parseLong(args[4]), Long.parseLong(args[5]));
        long factor = Long.parseLong(args[5]);
        SchedulerConfig config = config(factor);
        MeshStore store = MeshStore.open(db);
        Sandbox sandbox = Sandbox.open(home, store);
        Scheduler.Runs real = ScheduledRuns.through(sandbox, config);
        Scheduler.Runs slow = s -> {
            System.out.println("RUN " + owner);
            System.out.flush();
            try {
                Thread.sleep(1500); // long enough to be killed mid-run
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.run(s);
        };
        Scheduler scheduler = new Scheduler(config, store, owner, clock, slow);
        System.out.println("READY " + owner);
        System.out.flush();
        while (true) {
            for (Scheduler.Outcome o : scheduler.tick()) {
                boolean ranHere = !o.detail().startsWith(o.what() + ", owner "); // not a finished row seen again
                if (ranHere && List.of("done", "lost", "failed").contains(o.what())) {
                    System.out.println("DONE " + owner + " " + o.what() + " " + o.fireTime());
                    System.out.flush();
                }
            }
            Thread.sleep(config.tick().toMillis());
        }
    }

    /**
     * Every minute of the fast clock; a lease of 20 clock seconds (1 real second at factor 20), a heartbeat every
     * 250 real milliseconds, a tick every 100.
     */
    static SchedulerConfig config(long factor) {
        Schedule s = new Schedule(
                SCHEDULE,
                "drift",
                "payments",
                "* * * * *",
                ZoneId.of("UTC"),
                "meshpilot-scheduler",
                Schedule.Misfire.skip,
                Duration.ofMinutes(5),
                null);
        return new SchedulerConfig(List.of(s), Duration.ofSeconds(20), Duration.ofMillis(250), Duration.ofMillis(100));
    }
}
