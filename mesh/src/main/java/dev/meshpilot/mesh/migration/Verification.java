package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What running a migration on a scratch database showed: each step with pass, fail or skipped and its
 * evidence, where the sample rows came from, and for each dialect whether it was verified at all.
 */
public record Verification(List<Step> steps, String samples, List<String> notVerified, boolean passed) {
    /** The outcome of a step. */
    public enum Status {
        PASS,
        FAIL,
        SKIPPED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One step: what ran, how it went, and the numbers or error that show it. */
    public record Step(String name, Status status, String evidence) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /** {@code passed} is computed: whether no step failed. */
    public Verification {
        steps = List.copyOf(steps);
        notVerified = List.copyOf(notVerified);
        passed = steps.stream().noneMatch(s -> s.status() == Status.FAIL);
    }

    public Verification(List<Step> steps, String samples, List<String> notVerified) {
        this(steps, samples, notVerified, true);
    }
}
