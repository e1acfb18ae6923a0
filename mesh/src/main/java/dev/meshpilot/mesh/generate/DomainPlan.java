package dev.meshpilot.mesh.generate;

import java.util.Objects;

/** A generated domain, e.g. {@code sales_03}, owned by one team and kept on one platform. */
record DomainPlan(String id, String stem, TeamPlan team, Platform platform) {
    DomainPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stem, "stem");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(platform, "platform");
    }
}
