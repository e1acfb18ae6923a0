package dev.meshpilot.mesh.schedule;

import dev.meshpilot.mesh.ledger.RecordedFinding;
import dev.meshpilot.mesh.ledger.RecordedRun;
import dev.meshpilot.mesh.ledger.RunLedger;
import dev.meshpilot.mesh.store.MeshStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Claims a schedule's fire time for one process ({@code owner}) with a lease in the store, renewed by heartbeat.
 * Every step is one write transaction, which SQLite runs one at a time across processes, so exactly one process
 * claims a fire time; one whose lease ran out (its process died) is taken over by the next to look; a run is
 * recorded only if its process still holds the lease. Thread-safe. Design: docs/decisions/0006-scheduler-leases-in-the-store.md.
 *
 * <pre>{@code
 * FireLeases leases = new FireLeases(store, "host-1234", Duration.ofMinutes(2));
 * if (leases.claim("nightly-drift", fire, "schedule", now)) { ...; leases.complete(...); }
 * }</pre>
 */
public final class FireLeases {
    private final MeshStore store;
    private final String owner;
    private final Duration ttl;

    public FireLeases(MeshStore store, String owner, Duration ttl) {
        this.store = store;
        this.owner = owner;
        this.ttl = ttl;
    }

    public String owner() {
        return owner;
    }

    /** The key of a fire time: whole seconds. */
    public static Instant key(Instant fireTime) {
        return fireTime.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Claims the fire time: true when it was free (never claimed) or its lease ran out before {@code now}
     * (taken over; {@code attempts} counts up); false when it is done, failed, missed, or held by a live lease.
     */
    public boolean claim(String schedule, Instant fireTime, String trigger, Instant now) {
        Instant fire = key(fireTime);
        return store.inTransaction(h -> {
            // ON CONFLICT, not a failed INSERT: on PostgreSQL a failed statement aborts the whole transaction
            int inserted = h.execute(
                    "INSERT INTO schedule_fire (schedule, fire_time, status, owner, lease_until, heartbeat_at, "
                            + "attempts, trigger) VALUES (?, ?, 'running', ?, ?, ?, 1, ?) ON CONFLICT DO NOTHING",
                    schedule,
                    fire.toString(),
                    owner,
                    now.plus(ttl).toString(),
                    now.toString(),
                    trigger);
            if (inserted == 1) {
                return true;
            }
            Optional<FireRecord> row = find(h, schedule, fire);
            if (row.isEmpty()) {
                return false; // deleted in between: nothing to take over
            }
            FireRecord r = row.get();
            if (!r.status().equals("running") || !r.leaseUntil().isBefore(now)) {
                return false;
            }
            // a takeover, only if nobody took it over since the read: two processes taking over at once
            // (PostgreSQL, where transactions do not exclude each other as SQLite's do) cannot both win
            return h.execute(
                            "UPDATE schedule_fire SET owner = ?, lease_until = ?, heartbeat_at = ?, "
                                    + "attempts = attempts + 1, trigger = ? WHERE schedule = ? AND fire_time = ? "
                                    + "AND status = 'running' AND owner = ? AND lease_until = ?",
                            owner,
                            now.plus(ttl).toString(),
                            now.toString(),
                            trigger,
                            schedule,
                            fire.toString(),
                            r.owner(),
                            r.leaseUntil().toString())
                    == 1;
        });
    }

    /** Records a fire time that was not run (misfire policy {@code skip}); false if it was already recorded. */
    public boolean missed(String schedule, Instant fireTime, Instant now, String why) {
        return store.inTransaction(h -> h.execute(
                        "INSERT INTO schedule_fire (schedule, fire_time, status, owner, lease_until, heartbeat_at, "
                                + "attempts, trigger, finished_at, error) "
                                + "VALUES (?, ?, 'missed', ?, ?, ?, 0, 'schedule', ?, ?) ON CONFLICT DO NOTHING",
                        schedule,
                        key(fireTime).toString(),
                        owner,
                        now.toString(),
                        now.toString(),
                        now.toString(),
                        why)
                == 1);
    }

    /**
     * Closes the fire times before {@code latest} whose run stopped heart-beating (its process died and its lease
     * ran out): they become {@code missed}, saying whose run stopped, since only the latest fire time is run
     * again. Returns how many were closed.
     */
    public int abandon(String schedule, Instant latest, Instant now) {
        return store.inTransaction(h -> h.execute(
                "UPDATE schedule_fire SET status = 'missed', finished_at = ?, error = 'its run by ' || owner || "
                        + "' stopped (lease ran out at ' || lease_until || '); only the latest fire time is run "
                        + "again' WHERE schedule = ? AND status = 'running' AND lease_until < ? AND fire_time < ?",
                now.toString(),
                schedule,
                now.toString(),
                key(latest).toString()));
    }

    /** Renews the lease; false when this process no longer holds it (another took over). */
    public boolean heartbeat(String schedule, Instant fireTime, Instant now) {
        return store.inTransaction(h -> h.execute(
                        "UPDATE schedule_fire SET lease_until = ?, heartbeat_at = ? WHERE schedule = ? AND "
                                + "fire_time = ? AND owner = ? AND status = 'running'",
                        now.plus(ttl).toString(),
                        now.toString(),
                        schedule,
                        key(fireTime).toString(),
                        owner)
                == 1);
    }

    /**
     * Marks the fire done and records its run in the same transaction, only while this process holds the lease;
     * empty when it lost it (the run is then discarded: the process that took over records its own).
     */
    public Optional<RecordedRun> complete(
            String schedule,
            Instant fireTime,
            Instant now,
            RecordedRun run,
            String reportJson,
            List<RecordedFinding> findings) {
        return store.inTransaction(h -> {
            if (!holds(h, schedule, key(fireTime))) {
                return Optional.<RecordedRun>empty();
            }
            RecordedRun recorded = RunLedger.insert(h, run, reportJson, findings);
            h.execute(
                    "UPDATE schedule_fire SET status = 'done', run_id = ?, finished_at = ? WHERE schedule = ? "
                            + "AND fire_time = ?",
                    recorded.id(),
                    now.toString(),
                    schedule,
                    key(fireTime).toString());
            return Optional.of(recorded);
        });
    }

    /** Marks the fire failed with the error, while this process holds the lease. */
    public boolean fail(String schedule, Instant fireTime, Instant now, String error) {
        return store.inTransaction(h -> holds(h, schedule, key(fireTime))
                && h.execute(
                                "UPDATE schedule_fire SET status = 'failed', error = ?, finished_at = ? WHERE "
                                        + "schedule = ? AND fire_time = ?",
                                error,
                                now.toString(),
                                schedule,
                                key(fireTime).toString())
                        == 1);
    }

    /**
     * Takes the right to notify about a done fire: true once per schedule and fire time across processes (the
     * notification is idempotent per fire), false after.
     */
    public boolean claimNotification(String schedule, Instant fireTime) {
        return store.inTransaction(h -> h.execute(
                        "UPDATE schedule_fire SET notified = ? WHERE schedule = ? AND fire_time = ? AND "
                                + "status = 'done' AND notified IS NULL",
                        "sending by " + owner,
                        schedule,
                        key(fireTime).toString())
                == 1);
    }

    /** Records how the notification went ({@code sent (HTTP 200)}, {@code nothing new}, {@code failed: ...}). */
    public void notified(String schedule, Instant fireTime, String outcome) {
        store.useHandle(h -> h.execute(
                "UPDATE schedule_fire SET notified = ? WHERE schedule = ? AND fire_time = ?",
                outcome,
                schedule,
                key(fireTime).toString()));
    }

    public Optional<FireRecord> get(String schedule, Instant fireTime) {
        return store.withHandle(h -> find(h, schedule, key(fireTime)));
    }

    /** The schedule's fire times, newest first. */
    public List<FireRecord> history(String schedule, int limit) {
        return store.withHandle(h -> h.createQuery(SELECT + " WHERE schedule = ? ORDER BY fire_time DESC LIMIT ?")
                .bind(0, schedule)
                .bind(1, limit)
                .map((rs, ctx) -> row(rs))
                .list());
    }

    private boolean holds(Handle h, String schedule, Instant fire) {
        return find(h, schedule, fire)
                .filter(r -> r.status().equals("running") && r.owner().equals(owner))
                .isPresent();
    }

    private static Optional<FireRecord> find(Handle h, String schedule, Instant fire) {
        return h.createQuery(SELECT + " WHERE schedule = ? AND fire_time = ?")
                .bind(0, schedule)
                .bind(1, fire.toString())
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    private static final String SELECT = "SELECT schedule, fire_time, status, owner, lease_until, attempts, trigger, "
            + "run_id, finished_at, error, notified FROM schedule_fire";

    private static FireRecord row(ResultSet rs) throws SQLException {
        return new FireRecord(
                rs.getString(1),
                Instant.parse(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                Instant.parse(rs.getString(5)),
                rs.getInt(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9) == null ? null : Instant.parse(rs.getString(9)),
                rs.getString(10),
                rs.getString(11));
    }
}
