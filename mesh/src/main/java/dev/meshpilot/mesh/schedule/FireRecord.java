package dev.meshpilot.mesh.schedule;

import java.time.Instant;

/**
 * One fire time of a schedule as the store holds it: {@code running} (by {@code owner} until
 * {@code leaseUntil}), {@code done} (with the recorded run), {@code failed} or {@code missed}; how many
 * processes tried it; and the notification outcome ({@code notified}, null before).
 */
public record FireRecord(
        String schedule,
        Instant fireTime,
        String status,
        String owner,
        Instant leaseUntil,
        int attempts,
        String trigger,
        String runId,
        Instant finishedAt,
        String error,
        String notified) {}
