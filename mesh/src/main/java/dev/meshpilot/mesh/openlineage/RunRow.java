package dev.meshpilot.mesh.openlineage;

import java.time.Instant;

/**
 * A run row being updated in a batch, and the run state machine, ordered by event time so events may arrive
 * in any order: START sets {@code startedAt} (the earliest START); START/RUNNING move a run that has not
 * ended to RUNNING; COMPLETE/FAIL/ABORT end it (the latest terminal event wins) and set {@code endedAt};
 * OTHER never changes the state. {@code errorMessage} and the parent come from the latest event that
 * carries them; facets are merged by {@link FacetPatch}.
 */
final class RunRow {
    final String runId;
    final String jobNamespace;
    final String jobName;
    RunState state;
    Instant startedAt;
    Instant endedAt;
    Instant eventTime;
    String errorMessage;
    String parentRunId;
    /** The stored {@code event_time}, or {@code null} for a new run. */
    final Instant storedEventTime;

    final FacetPatch facets = new FacetPatch();

    RunRow(String runId, String jobNamespace, String jobName, RunState state, Instant storedEventTime) {
        this.runId = runId;
        this.jobNamespace = jobNamespace;
        this.jobName = jobName;
        this.state = state;
        this.storedEventTime = storedEventTime;
        this.eventTime = storedEventTime;
    }

    void apply(RunEvent event) {
        Instant at = event.eventTime();
        boolean newer = eventTime == null || !at.isBefore(eventTime);
        if (event.eventType() == EventType.START && (startedAt == null || at.isBefore(startedAt))) {
            startedAt = at;
        }
        RunState next = RunState.of(event.eventType());
        if (next != null && next.isTerminal()) {
            if (!state.isTerminal() || endedAt == null || !at.isBefore(endedAt)) {
                state = next;
                endedAt = at;
            }
        } else if (next != null && !state.isTerminal()) {
            state = next;
        }
        RunFacets runFacets = event.run().facets();
        if (runFacets.errorMessage() != null && (newer || errorMessage == null)) {
            errorMessage = runFacets.errorMessage().message();
        }
        if (runFacets.parent() != null && (newer || parentRunId == null)) {
            parentRunId = runFacets.parent().runId().toString();
        }
        facets.merge(runFacets.raw(), at);
        if (newer) {
            eventTime = at;
        }
    }

    /** Whether this batch's facets are not older than what is stored. */
    boolean facetsNewer() {
        return storedEventTime == null || facets.latest == null || !facets.latest.isBefore(storedEventTime);
    }
}
