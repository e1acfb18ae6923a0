package dev.meshpilot.mesh.org;

import java.time.Instant;
import java.util.Objects;

/**
 * The mesh as a whole. {@code asOf}, when set, is the mesh's "now" for analysis (freshness, SLOs), so the
 * demo and eval meshes give the same answers whatever the wall clock says.
 */
public record MeshInfo(String name, String description, Instant asOf) {
    public MeshInfo {
        Objects.requireNonNull(name, "name");
    }
}
