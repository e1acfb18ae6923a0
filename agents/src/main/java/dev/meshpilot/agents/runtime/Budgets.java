package dev.meshpilot.agents.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * What one run of an agent may spend: tool calls (through the gate, playbook and model together), model
 * turns (requests to the model), and wall-clock time.
 */
public record Budgets(int maxToolCalls, int maxModelTurns, Duration wallClock) {
    public Budgets {
        if (maxToolCalls < 1 || maxModelTurns < 1) {
            throw new IllegalArgumentException("budgets must allow at least one tool call and one model turn");
        }
        Objects.requireNonNull(wallClock, "wallClock");
    }
}
