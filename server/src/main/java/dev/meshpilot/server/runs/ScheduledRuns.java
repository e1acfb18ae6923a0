package dev.meshpilot.server.runs;

import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.wiring.Sandbox;

/**
 * Runs scheduled agents through a sandbox: the agent is found in the catalog by name (so any agent with a scope
 * input can be scheduled) and runs in playbook mode as the schedule's service principal, every tool call through
 * the gate and audited as it.
 */
public final class ScheduledRuns {
    private ScheduledRuns() {}

    /**
     * The runs of {@code schedules} through {@code sandbox}, after checking each schedule's agent is in the catalog
     * and its principal is a service of the mesh.
     *
     * @throws MeshpilotException (usage) naming the schedule, the agent or principal, and what is valid
     */
    public static Scheduler.Runs through(Sandbox sandbox, SchedulerConfig config) {
        for (Schedule s : config.schedules()) {
            AgentDescriptor<?, ?> d = descriptor(sandbox, s);
            java.util.List<String> known = d.input().options().stream()
                    .map(dev.meshpilot.agents.catalog.AgentOption::name)
                    .toList();
            for (String o : s.options().keySet()) {
                if (!known.contains(o)) {
                    throw new MeshpilotException(
                            ErrorCode.USAGE,
                            "schedule " + s.name() + ": options." + o + " is not an option of agent " + s.agent()
                                    + " (options: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
                }
            }
            Principal p = sandbox.principals().resolve(s.runAs());
            if (p.kind() != Principal.Kind.SERVICE) {
                throw new MeshpilotException(
                        ErrorCode.USAGE,
                        "schedule " + s.name() + ": runAs " + s.runAs() + " is a "
                                + p.kind().name().toLowerCase()
                                + "; scheduled runs act as a service principal (kind: service in meshpilot.yaml, e.g. "
                                + "meshpilot-scheduler)");
            }
        }
        return s -> {
            AgentDescriptor<?, ?> d = descriptor(sandbox, s);
            RunOptions as = RunOptions.playbook(sandbox.principals().resolve(s.runAs()));
            if (s.options().isEmpty()) {
                return d.run(sandbox.runner(), s.scope(), as);
            }
            java.util.Map<String, String> inputs = new java.util.HashMap<>(s.options());
            inputs.put(d.input().name(), s.scope());
            return d.run(sandbox.runner(), inputs, as);
        };
    }

    private static AgentDescriptor<?, ?> descriptor(Sandbox sandbox, Schedule s) {
        return sandbox.catalog()
                .find(s.agent())
                .orElseThrow(() -> new MeshpilotException(
                        ErrorCode.USAGE,
                        "schedule " + s.name() + ": no agent " + s.agent() + " (agents: "
                                + String.join(
                                        ", ",
                                        sandbox.catalog().agents().stream()
                                                .map(AgentDescriptor::name)
                                                .toList())
                                + ")"));
    }
}
