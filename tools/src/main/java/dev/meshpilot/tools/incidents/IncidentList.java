package dev.meshpilot.tools.incidents;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.IncidentView;
import dev.meshpilot.mesh.view.Nullable;
import java.util.List;

/** The result of {@code list_incidents}: incidents of a product (or of the mesh), newest first. */
public record IncidentList(
        @JsonPropertyDescription("Incidents on this page, newest opened first.")
        List<IncidentView> incidents,

        @JsonPropertyDescription("Matching incidents the caller may read.")
        int total,

        @JsonPropertyDescription("Incidents on this page.") int returned,

        @Nullable @JsonPropertyDescription("Cursor of the next page; null on the last.")
        String nextCursor) {
    public IncidentList {
        incidents = List.copyOf(incidents);
    }
}
