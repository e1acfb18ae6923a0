package dev.meshpilot.mesh.openlineage;

/**
 * The state of a run as stored in {@code run.state} (Marquez's names): {@code NEW} until a START or RUNNING
 * event is seen, {@code RUNNING}, then one of the terminal states. The terminal event with the latest event
 * time wins; a late START or RUNNING never reopens a finished run.
 */
public enum RunState {
    NEW,
    RUNNING,
    COMPLETED,
    ABORTED,
    FAILED;

    /** The state an event of type {@code type} moves a run to, or {@code null} for {@link EventType#OTHER}. */
    public static RunState of(EventType type) {
        return switch (type) {
            case START, RUNNING -> RUNNING;
            case COMPLETE -> COMPLETED;
            case ABORT -> ABORTED;
            case FAIL -> FAILED;
            case OTHER -> null;
        };
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == ABORTED || this == FAILED;
    }
}
