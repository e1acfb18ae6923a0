package dev.meshpilot.mesh.org;

import java.util.Objects;

/** A team that owns domains and products; {@code oncall} is a principal id, {@code chat} a channel. */
public record Team(String id, String name, String email, String chat, String oncall) {
    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
