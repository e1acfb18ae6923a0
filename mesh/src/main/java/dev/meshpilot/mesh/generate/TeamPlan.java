package dev.meshpilot.mesh.generate;

import java.util.Objects;

/** A generated team: one per domain, plus the platform and privacy teams. */
record TeamPlan(String id, String name, String chat, String oncall) {
    TeamPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(oncall, "oncall");
    }
}
