package dev.meshpilot.agents.runtime;

import dev.meshpilot.agents.kit.VerdictGuard;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * The report without claims whose evidence ids are not in {@code known} (the default {@link #review} passes
     * the calls that returned data); each dropped claim described.
     */
    Grounded<R> ground(R report, Set<String> known);

    /**
     * The verdict fields the playbook decided, kept from {@code baseline}, and what was kept described; the
     * model's report unchanged when the verdicts agree. The default {@link #review} applies it to every answer
     * (an agent that does not judge evidence per field cannot tell stronger evidence from none).
     */
    Grounded<R> guardVerdict(R model, R baseline);

    /**
     * Judges a model's schema-valid answer against the run's evidence and the playbook's report (the floor),
     * field by field: claims citing nothing, unknown ids, or denied or failed calls are dropped, the
     * playbook's finding standing in their place; a verdict differs from the playbook's only with stronger
     * evidence, never when {@code flagged} (the evidence holds instruction-like text). Agents override it to
     * say which kind of evidence supports each field ({@code kit.Grounding} with {@code kit.Support},
     * {@code kit.VerdictGuard#floor}); this default grounds with {@link #ground} on the calls that returned
     * data and always keeps the playbook's verdict ({@link #guardVerdict}).
     */
    default Judged<R> review(R model, R baseline, List<Evidence> evidence, boolean flagged) {
        Set<String> usable =
                evidence.stream().filter(Evidence::hasData).map(Evidence::id).collect(Collectors.toSet());
        Grounded<R> grounded = ground(model, usable);
        Grounded<R> guarded = guardVerdict(grounded.report(), baseline);
        List<String> notes = flagged
                ? guarded.dropped()
                : guarded.dropped().stream()
                        .map(n -> n.replace(VerdictGuard.INSTRUCTION_LIKE, VerdictGuard.NO_STRONGER_EVIDENCE))
                        .toList();
        return new Judged<>(guarded.report(), grounded.dropped(), notes);
    }

    /** A model's report after review: what stands, the claims dropped, and notes on verdicts kept or changed. */
    record Judged<R>(R report, List<String> dropped, List<String> notes) {
        public Judged {
            dropped = List.copyOf(dropped);
            notes = List.copyOf(notes);
        }
    }

    /** A report with its ungrounded claims removed, and what was removed. */
    record Grounded<R>(R report, List<String> dropped) {
        public Grounded {
            dropped = List.copyOf(dropped);
        }
    }
}
