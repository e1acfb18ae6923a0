package dev.meshpilot.tools.activity;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.FreeText;
import dev.meshpilot.mesh.view.Nullable;
import java.time.Instant;
import java.util.List;

/** The result of {@code recent_runs}: one page of a product's runs, newest first, and its last success. */
public record RecentRuns(
        @JsonPropertyDescription("Product id.") String product,

        @Nullable @JsonPropertyDescription("End of the latest COMPLETED run.")
        Instant lastSuccessAt,

        @JsonPropertyDescription("Runs, newest first.") List<Run> runs,

        @JsonPropertyDescription("How many items match in all.")
        int total,

        @JsonPropertyDescription("How many items this page holds.")
        int returned,

        @Nullable @JsonPropertyDescription("Pass as 'cursor' to get the next page; null on the last page.")
        String nextCursor) {
    public RecentRuns {
        runs = List.copyOf(runs);
    }

    /** The newest run of the page, if any. */
    public java.util.Optional<Run> latest() {
        return runs.stream().findFirst();
    }

    /** One run of a job that writes the product. */
    public record Run(
            @JsonPropertyDescription("OpenLineage run id.") String runId,

            @FreeText @JsonPropertyDescription("namespace/name of the job (free text from the events).")
            String job,

            @JsonPropertyDescription("Run state.") String state,

            @Nullable @JsonPropertyDescription("Start time.")
            Instant startedAt,

            @Nullable @JsonPropertyDescription("End time.") Instant endedAt,

            @Nullable @JsonPropertyDescription("End minus start.")
            Double durationSeconds,

            @FreeText @JsonPropertyDescription("Error message of a failed run.")
            String errorMessage) {
        /** Whether the run failed. */
        public boolean failed() {
            return "FAILED".equals(state);
        }
    }
}
