package dev.meshpilot.sandbox.gate;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tools an agent (or a front end acting as one: {@code cli}, {@code mcp}, {@code slack}) may call. What
 * a call may do is this allowlist intersected with the principal's grants; nothing a prompt says can widen
 * it. Deny by default: a tool not listed is refused. Immutable.
 *
 * <pre>{@code
 * AgentPolicy triage = AgentPolicy.of("triage", "catalog.product", "lineage.upstream", "runs.recent");
 * }</pre>
 */
public record AgentPolicy(String agent, Set<String> tools) {
    public AgentPolicy {
        Objects.requireNonNull(agent, "agent");
        tools = Set.copyOf(tools);
    }

    public static AgentPolicy of(String agent, String... tools) {
        return new AgentPolicy(agent, Set.of(tools));
    }

    public boolean allows(String tool) {
        return tool != null && tools.contains(tool);
    }

    /** The allowed tools, sorted, for denial messages. */
    public String allowedList() {
        return tools.isEmpty() ? "none" : String.join(", ", new TreeSet<>(tools));
    }
}
