package dev.meshpilot.mesh.search;

import java.time.Duration;

/**
 * What an index update did: documents added, updated (content changed, so re-embedded), deleted (gone from
 * the store), and left unchanged; and how long it took.
 */
public record SyncResult(int added, int updated, int deleted, int unchanged, Duration took) {
    /** Documents embedded by this update. */
    public int embedded() {
        return added + updated;
    }
}
