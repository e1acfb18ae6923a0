package dev.meshpilot.sandbox.gate;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tools an agent (or a front end acting as one: {@code cli}, {@code mcp}) may call. What a call may do
 * is this allowlist intersected with the principal's grants; nothing a prompt says can widen it.
 */
public record AgentPolicy(String agent, Set<String> tools) {
    public AgentPolicy {
        Objects.requireNonNull(agent, "agent");
        tools = Set.copyOf(tools);
    }

    public boolean allows(String tool) {
        return tools.contains(tool);
    }

    /** The allowed tools, sorted, for denial messages. */
    public String allowedList() {
        return tools.isEmpty() ? "none" : String.join(", ", new TreeSet<>(tools));
    }
}
