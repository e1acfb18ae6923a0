package dev.meshpilot.tools.history;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;
import java.time.Instant;
import java.util.List;

/** The result of {@code previous_findings}: the latest recorded run of an agent over a scope and its findings. */
public record PreviousFindings(
        @Nullable @JsonPropertyDescription("The recorded run's id, e.g. drift-3; null when none was recorded.")
        String runId,

        @Nullable @JsonPropertyDescription("When that run finished.")
        Instant finishedAt,

        @JsonPropertyDescription("Its findings by fingerprint (this page).")
        List<Item> findings,

        @JsonPropertyDescription("How many findings that run recorded (all pages).")
        int total,

        @Nullable @JsonPropertyDescription("Pass as cursor for the next page; null on the last.")
        String nextCursor) {
    public PreviousFindings {
        findings = List.copyOf(findings);
    }

    /** A finding of the previous run. */
    public record Item(
            @JsonPropertyDescription("Stable fingerprint (policy, asset, subject).")
            String fingerprint,

            @JsonPropertyDescription("new, persisting, excepted or resolved.")
            String state,

            @JsonPropertyDescription("When it was first seen.")
            Instant firstSeen,

            @Nullable @JsonPropertyDescription("Its level.") String level,
            @Nullable @JsonPropertyDescription("Its title.") String title) {}
}
