package dev.meshpilot.mesh.openlineage;

import java.util.Objects;

/** The job a run belongs to, identified by namespace and name. */
public record Job(String namespace, String name, JobFacets facets) {
    public Job {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        facets = facets == null ? JobFacets.EMPTY : facets;
    }
}
