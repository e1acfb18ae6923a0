package dev.meshpilot.mesh.org;

import java.util.List;
import java.util.Objects;

/**
 * Someone or something Meshpilot acts for: a user or a service identity, with its roles, and the Slack member id it
 * is known by in chat ({@code slack: U0123ABCD} in {@code meshpilot.yaml}; null when none).
 */
public record Principal(
        String id, Kind kind, String name, String email, String team, List<String> roles, String slack) {
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

    /** A principal without a chat identity. */
    public Principal(String id, Kind kind, String name, String email, String team, List<String> roles) {
        this(id, kind, name, email, team, roles, null);
    }
}
