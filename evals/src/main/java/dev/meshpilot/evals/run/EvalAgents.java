package dev.meshpilot.evals.run;

import dev.meshpilot.agents.Agents;
import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.catalog.Catalog;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.util.Map;
import java.util.Set;

/**
 * The agents suites can evaluate, by name: the agent catalog's entries, a case's {@code input} key being the
 * agent's input name (e.g. {@code incident}). A new agent's suite needs no code here: its catalog entry is
 * enough.
 */
public final class EvalAgents {
    private static final EvalAgents STANDARD = new EvalAgents(Agents.catalog());

    /** An agent as the runner drives it. */
    public interface EvalAgent {
        Set<String> tools();

        /** Runs the agent on a case's input. @throws MeshpilotException naming the missing input key */
        AgentRun<?> run(AgentRunner runner, Map<String, String> input, RunOptions options);
    }

    private final Catalog catalog;

    private EvalAgents(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The agents of {@code catalog} (tests register agents of their own). */
    public static EvalAgents of(Catalog catalog) {
        return new EvalAgents(catalog);
    }

    /** The product's agents. */
    public static EvalAgents standard() {
        return STANDARD;
    }

    /** @throws MeshpilotException listing the agents there are */
    public static EvalAgent get(String name) {
        return STANDARD.agent(name);
    }

    /** Every agent's allowlist, for the gate of an eval mesh. */
    public static Map<String, Set<String>> allowlists() {
        return STANDARD.catalog.allowlists();
    }

    /** @throws MeshpilotException listing the agents there are */
    public EvalAgent agent(String name) {
        AgentDescriptor<?, ?> d = catalog.find(name)
                .orElseThrow(() -> new MeshpilotException(
                        ErrorCode.USAGE,
                        "no eval agent '" + name + "'; agents: "
                                + catalog.allowlists().keySet().stream()
                                        .sorted()
                                        .toList()));
        return new EvalAgent() {
            @Override
            public Set<String> tools() {
                return d.tools();
            }

            @Override
            public AgentRun<?> run(AgentRunner runner, Map<String, String> input, RunOptions options) {
                if (!d.input().optional()) {
                    required(input, d.input().name());
                }
                return d.run(runner, input, options).run();
            }
        };
    }

    /** Every agent's allowlist, for the gate of an eval mesh. */
    public Map<String, Set<String>> tools() {
        return catalog.allowlists();
    }

    /**
     * A case's input with each {@code file:NAME} value replaced by the content of {@code NAME} in the case's
     * folder (e.g. migrate's {@code to: file:proposed.odcs.yaml}).
     *
     * @throws MeshpilotException {@code usage} naming the key when the file is missing or outside the folder
     */
    public static Map<String, String> withFiles(Map<String, String> input, java.nio.file.Path dir) {
        Map<String, String> out = new java.util.HashMap<>(input);
        input.forEach((k, v) -> {
            if (v == null || !v.startsWith("file:")) {
                return;
            }
            java.nio.file.Path p = dir.resolve(v.substring(5)).normalize();
            if (!p.startsWith(dir.normalize()) || !java.nio.file.Files.isRegularFile(p)) {
                throw new MeshpilotException(
                        ErrorCode.USAGE,
                        dir.resolve("case.yaml") + ": input: " + k + ": no file " + v.substring(5)
                                + " in the case's folder");
            }
            try {
                out.put(k, java.nio.file.Files.readString(p));
            } catch (java.io.IOException e) {
                throw new MeshpilotException(ErrorCode.USAGE, "input: " + k + ": cannot read " + p + ": " + e, e);
            }
        });
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
