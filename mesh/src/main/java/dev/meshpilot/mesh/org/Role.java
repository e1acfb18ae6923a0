package dev.meshpilot.mesh.org;

import java.util.List;
import java.util.Objects;

/** A named set of scope grants that principals hold. */
public record Role(String id, String description, List<Grant> grants) {
    public Role {
        Objects.requireNonNull(id, "id");
        grants = List.copyOf(grants);
    }
}
