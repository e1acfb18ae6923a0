package dev.meshpilot.agents.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An agent on the runtime: its spec, a deterministic playbook that needs no model, and what LLM mode needs to
 * brief a model and to check its answer. The runtime owns the loop, budgets, validation, grounding and
 * fallback; an agent owns its domain logic only.
 *
 * @param <I> what a run starts from (e.g. an incident id)
 * @param <R> the report, a record serialised to JSON that validates against {@link AgentSpec#reportSchema}
 */
public interface Agent<I, R> {
    AgentSpec spec();

    Class<R> reportType();

    /** The playbook: a fixed plan of tool calls and rule-based synthesis. Must cite evidence ids it got. */
    R playbook(ToolBox tools, I input);

    /** The prompt's variables for this input, given the playbook's draft (the model may improve on it). */
    Map<String, Object> promptVariables(I input, R draft, ToolBox tools);

    /** The report without claims whose evidence ids are not in {@code known}; each dropped claim described. */
    Grounded<R> ground(R report, Set<String> known);

    /**
     * Applied when the run's evidence holds text the gate flagged as instruction-like: the verdict fields the
     * playbook decided are kept from {@code baseline} (text from the mesh must not change a verdict), and what
     * was kept is described. Returns the model's report unchanged when the verdicts agree.
     */
    Grounded<R> guardVerdict(R model, R baseline);

    /** A report with its ungrounded claims removed, and what was removed. */
    record Grounded<R>(R report, List<String> dropped) {
        public Grounded {
            dropped = List.copyOf(dropped);
        }
    }
}
