package dev.meshpilot.core;

/**
 * Receives progress of long work (loading, ingesting, generating) so a caller can draw a progress bar.
 * Implementations must be cheap and thread-safe; {@link #NONE} ignores everything.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (stage, done, total) -> {};

    /**
     * Reports that {@code done} of {@code total} units of {@code stage} are finished; {@code total} is
     * {@code -1} when unknown.
     */
    void update(String stage, long done, long total);
}
