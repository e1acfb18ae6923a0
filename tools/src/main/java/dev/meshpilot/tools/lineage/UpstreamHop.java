package dev.meshpilot.tools.lineage;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.meshpilot.mesh.view.FreeText;
import dev.meshpilot.mesh.view.Nullable;
import java.time.Instant;

/** An ancestor product with its health (null when the caller may not read its runs). */
public record UpstreamHop(
        @JsonPropertyDescription("The product.") String product,

        @JsonPropertyDescription("Hops from the start product.")
        int depth,

        @Nullable @JsonPropertyDescription("The nearer product it is reached through.")
        String via,

        @JsonPropertyDescription("Its domain.") String domain,

        @Nullable @JsonPropertyDescription("Its criticality.")
        String criticality,

        @Nullable @JsonPropertyDescription("Its owning team.")
        String owner,

        @Nullable @JsonPropertyDescription("How it is doing; null when the caller may not read its runs.")
        Health health)
        implements LineageView.Hop {
    /** How an ancestor is doing at the judged instant: {@link Ok}, or a {@link Issue} with the details. */
    @JsonSubTypes({@JsonSubTypes.Type(Ok.class), @JsonSubTypes.Type(Issue.class)})
    @JsonDeserialize(as = Issue.class)
    public sealed interface Health permits Ok, Issue {
        String status();
    }

    /** Nothing wrong: written as {@code {"status": "ok"}}. */
    public record Ok(@JsonPropertyDescription("ok.") String status) implements Health {
        public static final Ok OK = new Ok("ok");
    }

    /** A failing or late ancestor (read back, an ok one is an issue with only its status). */
    public record Issue(
            @JsonPropertyDescription("failed, late or failed_and_late.")
            String status,

            @Nullable @JsonPropertyDescription("Whether no failing or late ancestor of its own explains it.")
            Boolean root,

            @Nullable @JsonPropertyDescription("State of its latest run.")
            String lastRunState,

            @Nullable @JsonPropertyDescription("When its latest run ran.")
            Instant lastRunAt,

            @Nullable @JsonPropertyDescription("End of its latest successful run.")
            Instant lastSuccessAt,

            @Nullable @JsonPropertyDescription("Hours past its freshness SLO.")
            Double lateByHours,

            @FreeText @JsonPropertyDescription("Error message of its latest failed run.")
            String errorMessage)
            implements Health {}
}
