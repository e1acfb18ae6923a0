package dev.meshpilot.mesh.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A finding of a recorded run by its stable fingerprint: its lifecycle state ({@code new}, {@code persisting},
 * {@code excepted}, {@code resolved}), when it was first seen, its level and title, and the finding as JSON.
 */
public record RecordedFinding(
        String fingerprint, String state, Instant firstSeen, String level, String title, String json) {
    public RecordedFinding {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(json, "json");
    }
}
