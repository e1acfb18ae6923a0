package dev.meshpilot.evals.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.agents.runtime.AgentRun;

/** The report of a run as JSON, as the agent's schema and {@code --format json} show it. */
final class AgentRunJson {
    private AgentRunJson() {}

    static JsonNode report(AgentRun<?> run) {
        return AgentRun.json().valueToTree(run.report());
    }
}
