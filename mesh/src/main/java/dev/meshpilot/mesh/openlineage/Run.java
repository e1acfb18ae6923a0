package dev.meshpilot.mesh.openlineage;

import java.util.Objects;
import java.util.UUID;

/** The run an event reports on: its id and run facets. */
public record Run(UUID runId, RunFacets facets) {
    public Run {
        Objects.requireNonNull(runId, "runId");
        facets = facets == null ? RunFacets.EMPTY : facets;
    }
}
