package dev.meshpilot.mesh.product;

import java.util.Objects;

/** A business domain, owned by a team. */
public record Domain(String id, String name, String description, String owner, String oncall, String chat) {
    public Domain {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
    }
}
