package dev.meshpilot.sandbox.principal;

import java.util.List;
import java.util.Objects;

/** A named set of scope grants. */
public record Role(String id, List<ScopeGrant> grants) {
    public Role {
        Objects.requireNonNull(id, "id");
        grants = List.copyOf(grants);
    }
}
