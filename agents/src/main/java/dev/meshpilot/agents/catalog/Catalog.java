package dev.meshpilot.agents.catalog;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agents there are, in the order front ends list them. The product's catalog is
 * {@code dev.meshpilot.agents.Agents.catalog()}; tests build their own with {@link #of} or {@link #with}.
 * Immutable.
 *
 * <pre>{@code
 * for (AgentDescriptor<?, ?> d : Agents.catalog().agents()) {
 *     register(d.name(), d.tools());
 * }
 * }</pre>
 */
public final class Catalog {
    private final Map<String, AgentDescriptor<?, ?>> agents;

    private Catalog(Map<String, AgentDescriptor<?, ?>> agents) {
        this.agents = agents;
    }

    /** @throws IllegalArgumentException when two descriptors share a name */
    public static Catalog of(List<? extends AgentDescriptor<?, ?>> descriptors) {
        Map<String, AgentDescriptor<?, ?>> byName = new LinkedHashMap<>();
        for (AgentDescriptor<?, ?> d : descriptors) {
            if (byName.putIfAbsent(d.name(), d) != null) {
                throw new IllegalArgumentException("two agents are named '" + d.name() + "'");
            }
        }
        return new Catalog(byName);
    }

    /** This catalog and {@code more}. */
    public Catalog with(AgentDescriptor<?, ?> more) {
        List<AgentDescriptor<?, ?>> all = new ArrayList<>(agents.values());
        all.add(more);
        return of(all);
    }

    public List<AgentDescriptor<?, ?>> agents() {
        return List.copyOf(agents.values());
    }

    public Optional<AgentDescriptor<?, ?>> find(String name) {
        return Optional.ofNullable(agents.get(name));
    }

    /** @throws MeshpilotException {@code not_found}, listing the agents there are */
    public AgentDescriptor<?, ?> get(String name) {
        return find(name)
                .orElseThrow(() -> new MeshpilotException(
                        ErrorCode.NOT_FOUND,
                        "no agent '" + name + "'; agents: " + agents.keySet() + " (meshpilot agents)"));
    }

    /** Each agent's tool allowlist by agent name, for the gate. */
    public Map<String, Set<String>> allowlists() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        agents.forEach((name, d) -> out.put(name, d.tools()));
        return out;
    }
}
