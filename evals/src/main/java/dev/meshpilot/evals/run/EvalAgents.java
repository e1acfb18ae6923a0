package dev.meshpilot.evals.run;

import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.agents.triage.TriageAgent;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.util.Map;
import java.util.Set;

/**
 * The agents suites can evaluate, by name: how a case's {@code input} becomes the agent's input, and the
 * agent's tool allowlist for the gate. Adding an agent here is the only code a new agent's suite needs.
 */
public final class EvalAgents {
    /** An agent as the runner drives it. */
    public interface EvalAgent {
        Set<String> tools();

        /** Runs the agent on a case's input. @throws MeshpilotException naming the missing input key */
        AgentRun<?> run(AgentRunner runner, Map<String, String> input, RunOptions options);
    }

    private static final Map<String, EvalAgent> AGENTS = Map.of(TriageAgent.NAME, new EvalAgent() {
        @Override
        public Set<String> tools() {
            return TriageAgent.TOOLS;
        }

        @Override
        public AgentRun<?> run(AgentRunner runner, Map<String, String> input, RunOptions options) {
            return runner.run(new TriageAgent(), required(input, "incident"), options);
        }
    });

    private EvalAgents() {}

    /** @throws MeshpilotException listing the agents there are */
    public static EvalAgent get(String name) {
        EvalAgent a = AGENTS.get(name);
        if (a == null) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    "no eval agent '" + name + "'; agents: "
                            + AGENTS.keySet().stream().sorted().toList());
        }
        return a;
    }

    /** Every agent's allowlist, for the gate of an eval mesh. */
    public static Map<String, Set<String>> allowlists() {
        Map<String, Set<String>> out = new java.util.HashMap<>();
        AGENTS.forEach((k, v) -> out.put(k, v.tools()));
        return out;
    }

    static String required(Map<String, String> input, String key) {
        String v = input.get(key);
        if (v == null) {
            throw new MeshpilotException(ErrorCode.USAGE, "input: " + key + ": is required for this agent");
        }
        return v;
    }
}
