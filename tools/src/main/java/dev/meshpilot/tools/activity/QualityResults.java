package dev.meshpilot.tools.activity;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;
import java.time.Instant;
import java.util.List;

/** The result of {@code quality_results}: one page of a product's assertion results, newest first. */
public record QualityResults(
        @JsonPropertyDescription("Product id.") String product,

        @JsonPropertyDescription("Failed assertions among all matching results.")
        int failed,

        @JsonPropertyDescription("Results, newest first.") List<Result> results,

        @JsonPropertyDescription("How many items match in all.")
        int total,

        @JsonPropertyDescription("How many items this page holds.")
        int returned,

        @Nullable @JsonPropertyDescription("Pass as 'cursor' to get the next page; null on the last page.")
        String nextCursor) {
    public QualityResults {
        results = List.copyOf(results);
    }

    /** One evaluated assertion. */
    public record Result(
            @JsonPropertyDescription("Assertion name, e.g. not_null.")
            String assertion,

            @Nullable @JsonPropertyDescription("Column; null for table-level ones.")
            String column,

            @JsonPropertyDescription("Whether it passed.") boolean success,

            @JsonPropertyDescription("When it was evaluated.")
            Instant at,

            @JsonPropertyDescription("namespace/name of the dataset.")
            String dataset,

            @JsonPropertyDescription("The run that reported it.")
            String runId) {}
}
