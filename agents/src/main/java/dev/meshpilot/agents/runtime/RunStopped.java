package dev.meshpilot.agents.runtime;

/** A run had to stop before it finished: cancelled, or out of a budget. The message says which. */
public final class RunStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunStopped(String reason) {
        super(reason);
    }
}
