package dev.meshpilot.mesh.activity;

import java.time.Duration;
import java.time.Instant;

/**
 * One run of a job that writes one of a product's output ports.
 *
 * @param state NEW, RUNNING, COMPLETED, ABORTED or FAILED
 * @param eventTime the time of the latest event seen for the run
 * @param errorMessage the error message facet of a failed run, else null
 */
public record RunRecord(
        String runId,
        String jobNamespace,
        String jobName,
        String state,
        Instant startedAt,
        Instant endedAt,
        Instant eventTime,
        String errorMessage) {
    /** Wall time from start to end, or null while either is unknown. */
    public Duration duration() {
        return startedAt == null || endedAt == null ? null : Duration.between(startedAt, endedAt);
    }
}
