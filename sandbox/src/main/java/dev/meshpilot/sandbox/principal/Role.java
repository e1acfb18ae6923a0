package dev.meshpilot.sandbox.principal;

import java.util.List;
import java.util.Objects;

/**
 * A named set of scope grants, as declared in the workspace ({@code meshpilot.yaml}). Immutable.
 *
 * <pre>{@code
 * Role analyst = new Role("marketing-analyst", List.of(new ScopeGrant(Scope.SQL_READ, List.of("marketing"), List.of())));
 * }</pre>
 */
public record Role(String id, List<ScopeGrant> grants) {
    public Role {
        Objects.requireNonNull(id, "id");
        grants = List.copyOf(grants);
    }
}
