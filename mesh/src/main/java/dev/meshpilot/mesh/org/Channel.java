package dev.meshpilot.mesh.org;

import java.util.Objects;

/** A notification channel, e.g. a Slack channel. */
public record Channel(String id, String kind, String target) {
    public Channel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }
}
