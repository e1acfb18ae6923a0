package dev.meshpilot.mesh.org;

import java.util.List;
import java.util.Objects;

/** Someone or something Meshpilot acts for: a user or a service identity, with its roles. */
public record Principal(String id, Kind kind, String name, String email, String team, List<String> roles) {
    /** Whether the principal is a person or a service. */
    public enum Kind {
        USER,
        SERVICE
    }

    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        roles = List.copyOf(roles);
    }
}
