package dev.meshpilot.sandbox.principal;

import java.util.List;
import java.util.Objects;

/**
 * Someone Meshpilot acts for: the MCP token's owner, the Slack user, the scheduler's service identity.
 * Carries its roles resolved, so the gate decides without a lookup.
 */
public record Principal(String id, Kind kind, List<Role> roles) {
    /** A person or a service. */
    public enum Kind {
        USER,
        SERVICE
    }

    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        roles = List.copyOf(roles);
    }

    /** Every grant of every role. */
    public List<ScopeGrant> grants() {
        return roles.stream().flatMap(r -> r.grants().stream()).toList();
    }
}
