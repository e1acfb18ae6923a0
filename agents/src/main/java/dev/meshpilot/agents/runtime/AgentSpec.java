package dev.meshpilot.agents.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Set;

/**
 * What an agent is: its name (also its gate identity), the tools it may call (its allowlist at the gate),
 * the prompt it uses in LLM mode ({@code id} or {@code id@vN}), the JSON Schema of its report, and its budgets.
 */
public record AgentSpec(String name, Set<String> tools, String prompt, JsonNode reportSchema, Budgets budgets) {
    public AgentSpec {
        Objects.requireNonNull(name, "name");
        tools = Set.copyOf(tools);
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(reportSchema, "reportSchema");
        Objects.requireNonNull(budgets, "budgets");
    }
}
