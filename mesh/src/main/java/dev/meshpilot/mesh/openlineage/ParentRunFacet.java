package dev.meshpilot.mesh.openlineage;

import java.util.Objects;
import java.util.UUID;

/** The {@code parent} run facet: the run (and its job) that spawned this one, e.g. the DAG run of a task. */
public record ParentRunFacet(UUID runId, String jobNamespace, String jobName) {
    public ParentRunFacet {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(jobNamespace, "jobNamespace");
        Objects.requireNonNull(jobName, "jobName");
    }
}
