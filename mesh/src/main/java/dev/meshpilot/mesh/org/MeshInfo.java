package dev.meshpilot.mesh.org;

import java.time.Instant;
import java.util.Objects;

/**
 * The mesh as a whole. {@code asOf}, when set, is the mesh's "now" for analysis (freshness, SLOs), so the
 * demo and eval meshes give the same answers whatever the wall clock says. {@code openOnWarnChecks} (meshpilot.yaml
 * {@code incidents.openOnWarnChecks}) makes a failed assertion of severity warn, warning or info open an incident
 * like any other; by default it is stored and opens none.
 */
public record MeshInfo(String name, String description, Instant asOf, boolean openOnWarnChecks) {
    public MeshInfo {
        Objects.requireNonNull(name, "name");
    }

    /** A mesh whose warn-level checks open no incident (the default). */
    public MeshInfo(String name, String description, Instant asOf) {
        this(name, description, asOf, false);
    }
}
