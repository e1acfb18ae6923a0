package dev.meshpilot.tools.search;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.FreeText;
import java.util.List;

/** The result of {@code search_runbooks}: the runbooks that match, best first, with their text. */
public record RunbookMatches(
        @JsonPropertyDescription("Best first.") List<Match> runbooks) {
    public RunbookMatches {
        runbooks = List.copyOf(runbooks);
    }

    /** A runbook and why it matched. */
    public record Match(
            @JsonPropertyDescription("Runbook id, to quote.")
            String id,

            @FreeText @JsonPropertyDescription("Title.") String title,

            @JsonPropertyDescription("Why: product, errorClass and/or text.")
            List<String> matchedBy,

            @JsonPropertyDescription("Error classes it is written for.")
            List<String> errorClasses,

            @JsonPropertyDescription("Products it is written for.")
            List<String> products,

            @FreeText @JsonPropertyDescription("The runbook's text (Markdown).")
            String body) {}
}
