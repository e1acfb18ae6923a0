package dev.meshpilot.server.runs;

import dev.meshpilot.agents.catalog.AgentResult;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.ledger.RecordedRun;
import dev.meshpilot.mesh.schedule.FireLeases;
import dev.meshpilot.mesh.schedule.FireRecord;
import dev.meshpilot.mesh.store.MeshStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the schedules of {@code meshpilot serve}: at each tick, the latest fire time of each schedule is claimed
 * in the store ({@link FireLeases}) and, if this process wins, its agent runs over its scope as its service
 * principal, with a heartbeat renewing the lease; the run is recorded only while the lease is held, and a webhook
 * hears of new and resolved findings once per fire time. Several processes on one store run each fire time once;
 * one that dies mid-run is taken over when its lease runs out. Thread-safe.
 *
 * <pre>{@code
 * Scheduler s = new Scheduler(config, store, "host-4711", Clock.systemUTC(), Scheduler.through(sandbox));
 * s.start();                         // ticks every config.tick() until close()
 * s.runNow("nightly-drift");         // a fire time of now, through the same claim
 * }</pre>
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    /** Runs a schedule's agent over its scope as its principal. */
    public interface Runs {
        AgentResult<?> run(Schedule schedule);
    }

    /** Tells people of a run's new and resolved findings beside the webhook (chat); returns the outcome in words. */
    public interface Notifier {
        String notify(Schedule schedule, Instant fireTime, RecordedRun run, Recording recording);
    }

    /** What a tick or a run-now did with one fire time. */
    public record Outcome(String schedule, Instant fireTime, String what, String runId, String detail) {}

    private final SchedulerConfig config;
    private final FireLeases leases;
    private final dev.meshpilot.mesh.ledger.RunLedger ledger;
    private final Clock clock;
    private final Runs runs;
    private final Notifier chat;
    private final Webhook webhook = new Webhook();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "meshpilot-scheduler");
        t.setDaemon(true);
        return t;
    });

    public Scheduler(SchedulerConfig config, MeshStore store, String owner, Clock clock, Runs runs) {
        this(config, store, owner, clock, runs, null);
    }

    /** A scheduler that also tells {@code chat} (null: nobody) of each run's news, once per fire time. */
    public Scheduler(SchedulerConfig config, MeshStore store, String owner, Clock clock, Runs runs, Notifier chat) {
        this.chat = chat;
        this.config = config;
        this.leases = new FireLeases(store, owner, config.lease());
        this.ledger = new dev.meshpilot.mesh.ledger.RunLedger(store);
        this.clock = clock;
        this.runs = runs;
    }

    public SchedulerConfig config() {
        return config;
    }

    /** Ticks every {@code config.tick()} until {@link #close()}; a failing tick is logged, not fatal. */
    public void start() {
        if (config.schedules().isEmpty()) {
            return;
        }
        long ms = config.tick().toMillis();
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        tick();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "scheduler tick failed: " + e.getMessage(), e);
                    }
                },
                0,
                ms,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Looks at the latest fire time of every schedule once, running or recording it as its state says; an
     * earlier fire time whose run died (lease ran out) is closed as missed, as the misfire policy runs only the
     * latest.
     */
    public List<Outcome> tick() {
        List<Outcome> out = new ArrayList<>();
        Instant now = clock.instant();
        for (Schedule s : config.schedules()) {
            s.last(now).ifPresent(fire -> {
                leases.abandon(s.name(), fire, now);
                out.add(consider(s, FireLeases.key(fire), now));
            });
        }
        return out;
    }

    private Outcome consider(Schedule s, Instant fire, Instant now) {
        Optional<FireRecord> row = leases.get(s.name(), fire);
        if (row.isPresent()) {
            FireRecord r = row.get();
            boolean expired = r.status().equals("running") && r.leaseUntil().isBefore(now);
            if (!expired) {
                String what = r.status().equals("running") ? "held" : r.status();
                return new Outcome(s.name(), fire, what, r.runId(), r.status() + ", owner " + r.owner());
            }
            return fire(s, fire, "schedule (taken over from " + r.owner() + ")");
        }
        boolean late = Duration.between(fire, now).compareTo(s.grace()) > 0;
        if (late && s.misfire() == Schedule.Misfire.skip) {
            leases.missed(
                    s.name(),
                    fire,
                    now,
                    "found " + Duration.between(fire, now).toSeconds() + " s late, past the grace of " + s.grace()
                            + " (misfire: skip)");
            return new Outcome(s.name(), fire, "missed", null, "misfire: skip");
        }
        return fire(s, fire, late ? "misfire (run-once)" : "schedule");
    }

    /** Runs the schedule now: a fire time of this second, claimed like any other (so run twice, it runs once). */
    public Outcome runNow(String name) {
        Schedule s = config.find(name)
                .orElseThrow(() -> new MeshpilotException(
                        ErrorCode.NOT_FOUND,
                        "no schedule " + name + " (schedules: "
                                + String.join(
                                        ", ",
                                        config.schedules().stream()
                                                .map(Schedule::name)
                                                .toList()) + ")"));
        return fire(s, FireLeases.key(clock.instant()), "run-now");
    }

    /** The next {@code n} fire times of a schedule. */
    public List<Instant> preview(String name, int n) {
        return config.find(name).map(s -> s.next(clock.instant(), n)).orElse(List.of());
    }

    public List<FireRecord> history(String name, int limit) {
        return leases.history(name, limit);
    }

    private Outcome fire(Schedule s, Instant fire, String trigger) {
        if (!leases.claim(s.name(), fire, trigger, clock.instant())) {
            return new Outcome(s.name(), fire, "held", null, "claimed by another process");
        }
        AtomicBoolean lost = new AtomicBoolean();
        long beat = config.heartbeat().toMillis();
        ScheduledFuture<?> heartbeat = timer.scheduleAtFixedRate(
                () -> {
                    if (!leases.heartbeat(s.name(), fire, clock.instant())) {
                        lost.set(true);
                    }
                },
                beat,
                beat,
                TimeUnit.MILLISECONDS);
        try {
            Instant started = clock.instant();
            AgentResult<?> result = runs.run(s);
            Recording rec = Recording.of(
                            s.agent(), s.scope(), s.runAs(), "schedule:" + s.name(), started, clock.instant(), result)
                    .since(ledger);
            heartbeat.cancel(false);
            Optional<RecordedRun> recorded =
                    leases.complete(s.name(), fire, clock.instant(), rec.run(), rec.reportJson(), rec.findings());
            if (recorded.isEmpty()) {
                return new Outcome(s.name(), fire, "lost", null, "the lease ran out and another process took over");
            }
            String notified = notify(s, fire, recorded.get(), rec);
            return new Outcome(s.name(), fire, "done", recorded.get().id(), notified);
        } catch (RuntimeException e) {
            heartbeat.cancel(false);
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            leases.fail(s.name(), fire, clock.instant(), error);
            LOG.log(Level.WARNING, "schedule " + s.name() + " at " + fire + " failed: " + error, e);
            return new Outcome(s.name(), fire, "failed", null, error);
        }
    }

    private String notify(Schedule s, Instant fire, RecordedRun run, Recording rec) {
        if ((s.webhook() == null && chat == null) || !leases.claimNotification(s.name(), fire)) {
            return "no notification";
        }
        boolean nothing = rec.fresh().isEmpty() && rec.resolved().isEmpty();
        String outcome = nothing
                ? "nothing new or resolved: not sent"
                : s.webhook() == null
                        ? "no webhook"
                        : webhook.send(s.webhook(), s.name() + "@" + fire, Webhook.body(s, fire, run, rec));
        if (chat != null && !nothing) {
            String said;
            try {
                said = chat.notify(s, fire, run, rec);
            } catch (RuntimeException e) {
                said = "failed: " + e.getMessage();
                LOG.log(Level.WARNING, "schedule " + s.name() + " at " + fire + ": chat notification failed", e);
            }
            outcome = outcome + "; chat: " + said;
        }
        leases.notified(s.name(), fire, outcome);
        return outcome;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
