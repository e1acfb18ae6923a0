package dev.meshpilot.server.runs;

import java.time.Duration;
import java.util.List;

/**
 * The scheduler's settings: the schedules, how long a claimed fire time's lease lasts without a heartbeat, how
 * often the owner renews it, and how often the scheduler looks for due fire times.
 */
public record SchedulerConfig(List<Schedule> schedules, Duration lease, Duration heartbeat, Duration tick) {
    public static final SchedulerConfig NONE =
            new SchedulerConfig(List.of(), Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(15));

    public SchedulerConfig {
        schedules = List.copyOf(schedules);
        if (!heartbeat.multipliedBy(2).minus(lease).isNegative()
                && !heartbeat.multipliedBy(2).equals(lease)) {
            throw new IllegalArgumentException("scheduler.heartbeat (" + heartbeat + ") must be at most half of "
                    + "scheduler.lease (" + lease + "), so a live owner renews before its lease runs out");
        }
    }

    public java.util.Optional<Schedule> find(String name) {
        return schedules.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
