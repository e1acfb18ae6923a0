package dev.meshpilot.mesh.generate;

import java.util.List;
import java.util.Objects;

/** A generated principal: a user in a team, or a service identity ({@code team} may then be null). */
record PersonPlan(String id, String kind, String name, String team, List<String> roles) {
    PersonPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        roles = List.copyOf(roles);
    }
}
