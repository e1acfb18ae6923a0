package dev.meshpilot.sandbox.principal;

import java.util.List;
import java.util.Objects;

/**
 * Someone Meshpilot acts for: the MCP token's owner, the Slack user, the scheduler's service identity.
 * Carries its roles already resolved, so the gate decides without a lookup. Immutable.
 *
 * <pre>{@code
 * Principal alice = new Principal("alice", Principal.Kind.USER, List.of(steward));
 * Principal bot = Principal.withGrants("scheduler", Principal.Kind.SERVICE, List.of(ScopeGrant.everywhere(Scope.DRIFT_RUN)));
 * }</pre>
 */
public record Principal(String id, Kind kind, List<Role> roles) {
    /** A person or a service. */
    public enum Kind {
        USER,
        SERVICE
    }

    public Principal {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a principal needs an id");
        }
        Objects.requireNonNull(kind, "kind");
        roles = List.copyOf(roles);
    }

    /** A principal whose grants are given directly, as one role named {@code direct}. */
    public static Principal withGrants(String id, Kind kind, List<ScopeGrant> grants) {
        return new Principal(id, kind, List.of(new Role("direct", grants)));
    }

    /** Every grant of every role. */
    public List<ScopeGrant> grants() {
        return roles.stream().flatMap(r -> r.grants().stream()).toList();
    }
}
