package dev.meshpilot.mesh.ledger;

import java.time.Instant;
import java.util.Objects;

/** A recorded run of an agent over a scope: who ran it, what triggered it ({@code cli}, {@code schedule:NAME}). */
public record RecordedRun(
        String id,
        String agent,
        String scope,
        String principal,
        String trigger,
        Instant startedAt,
        Instant finishedAt,
        String headline) {
    public RecordedRun {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /** The same run with its id, once the ledger gave it one. */
    public RecordedRun withId(String newId) {
        return new RecordedRun(newId, agent, scope, principal, trigger, startedAt, finishedAt, headline);
    }
}
