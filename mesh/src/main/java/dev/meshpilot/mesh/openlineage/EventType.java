package dev.meshpilot.mesh.openlineage;

/**
 * The run transition an OpenLineage RunEvent reports. An event without {@code eventType} is read as
 * {@link #OTHER}: it adds metadata and never changes the run's state.
 */
public enum EventType {
    START,
    RUNNING,
    COMPLETE,
    ABORT,
    FAIL,
    OTHER;

    /** Whether this transition ends a run ({@code COMPLETE}, {@code ABORT}, {@code FAIL}). */
    public boolean isTerminal() {
        return this == COMPLETE || this == ABORT || this == FAIL;
    }
}
