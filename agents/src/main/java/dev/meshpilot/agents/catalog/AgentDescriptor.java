package dev.meshpilot.agents.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.agents.runtime.Agent;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunOptions;
import java.util.Objects;
import java.util.Set;

/**
 * One agent, everything a front end needs to offer it: the runtime {@link Agent} (name, tool allowlist,
 * prompt id, report type and JSON Schema, playbook), a one-line summary (CLI help, {@code meshpilot agents}),
 * its input, its renderers and its MCP face. Register it in {@link Catalog#standard()}.
 *
 * <pre>{@code
 * AgentResult<?> done = descriptor.run(runner, "INC-1001", RunOptions.playbook(alice));
 * System.out.print(done.markdown());
 * }</pre>
 *
 * @param <I> the agent's input type
 * @param <R> its report type
 */
public record AgentDescriptor<I, R>(
        Agent<I, R> agent, String summary, AgentInput<I> input, Renderers<R> renderers, McpFace mcp) {
    public AgentDescriptor {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(renderers, "renderers");
        Objects.requireNonNull(mcp, "mcp");
    }

    /** The agent's name: its CLI command, its gate identity and the {@code agent:} of its eval suites. */
    public String name() {
        return agent.spec().name();
    }

    /** The tools it may call (its allowlist at the gate). */
    public Set<String> tools() {
        return agent.spec().tools();
    }

    /** The id of its prompt in LLM mode ({@code prompts/<id>/vN.md}). */
    public String prompt() {
        return agent.spec().prompt();
    }

    public Class<R> reportType() {
        return agent.reportType();
    }

    /** The JSON Schema of its report (a copy). */
    public JsonNode reportSchema() {
        return agent.spec().reportSchema().deepCopy();
    }

    /**
     * Runs the agent on {@code input} as given on a command line, in a tool call or an eval case.
     *
     * @throws dev.meshpilot.core.MeshpilotException as {@link AgentRunner#run} does
     */
    public AgentResult<R> run(AgentRunner runner, String input, RunOptions options) {
        return new AgentResult<>(runner.run(agent, this.input.parse().apply(input), options), renderers);
    }

    /**
     * Runs the agent on its input fields by name (the main string under {@link AgentInput#name()}, options
     * under theirs), as a CLI with options, an MCP call or an eval case gives them.
     *
     * @throws dev.meshpilot.core.MeshpilotException as {@link AgentRunner#run} does
     */
    public AgentResult<R> run(AgentRunner runner, java.util.Map<String, String> fields, RunOptions options) {
        return new AgentResult<>(runner.run(agent, this.input.parse(fields), options), renderers);
    }
}
