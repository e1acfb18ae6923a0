package dev.meshpilot.agents.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.model.output.TokenUsage;
import dev.meshpilot.agents.prompt.Prompt;
import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.sandbox.gate.Gate;
import dev.meshpilot.sandbox.tool.ToolContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs agents. The playbook always runs first: it is the report in playbook mode, the draft and the evidence
 * the model starts from in LLM mode, the floor a model's verdict stands on, and the fallback when the model
 * fails (the run's {@code fallbackReason} says what failed and why, e.g. {@code stall: model response stalled:
 * ...}, and its mode reads {@code playbook (fallback: stall: ...)}). A model's answer is bounded in size and
 * validated against the report schema, then reviewed field by field by the agent
 * ({@link Agent#review}): claims without evidence of the right kind are dropped, the playbook's finding
 * standing in their place, and a verdict differs from the playbook's only on stronger evidence, never when the
 * evidence holds instruction-like text. Thread-safe; each run is independent.
 *
 * <pre>{@code
 * AgentRun<TriageReport> run = runner.run(new TriageAgent(), "INC-1001", RunOptions.playbook(alice));
 * }</pre>
 */
public final class AgentRunner {
    private final Gate gate;
    private final PromptRegistry prompts;
    private final Clock clock;

    public AgentRunner(Gate gate, PromptRegistry prompts, Clock clock) {
        this.gate = gate;
        this.prompts = prompts;
        this.clock = clock;
    }

    /** The prompts this runner resolves agents' prompt versions in. */
    public PromptRegistry prompts() {
        return prompts;
    }

    /**
     * @throws RunStopped when the run is cancelled, or the playbook itself runs out of a budget
     * @throws MeshpilotException {@code usage} for an unknown prompt version; what the agent raises for its
     *     input, e.g. {@code not_found} or {@code sandbox_denied}
     */
    public <I, R> AgentRun<R> run(Agent<I, R> agent, I input, RunOptions options) {
        AgentSpec spec = agent.spec();
        Prompt prompt;
        try {
            prompt = prompts.resolve(options.prompt() != null ? options.prompt() : spec.prompt());
        } catch (IllegalArgumentException e) {
            throw new MeshpilotException(ErrorCode.USAGE, e.getMessage(), e);
        }
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        ToolContext ctx = new ToolContext(
                options.principal(),
                spec.name(),
                options.runId(),
                options.mode() == RunOptions.Mode.LLM ? prompt.ref() : null,
                null);
        ToolBox tools = new ToolBox(
                gate,
                ctx,
                spec.budgets().maxToolCalls(),
                started.plus(spec.budgets().wallClock()),
                clock,
                options.cancelled());
        List<String> notes = new ArrayList<>();
        List<String> ungrounded = new ArrayList<>();
        try {
            R baseline = agent.playbook(tools, input);
            R report = baseline;
            RunOptions.Mode ranAs = RunOptions.Mode.PLAYBOOK;
            String fallback = null;
            String model = null;
            int turns = 0;
            TokenUsage tokens = null;
            if (options.mode() == RunOptions.Mode.LLM) {
                model = options.modelConfig().id();
                ModelLoop loop = new ModelLoop(
                        options.model(),
                        options.modelConfig(),
                        tools,
                        spec.budgets().maxModelTurns(),
                        spec.reportSchema(),
                        prompt);
                Map<String, Object> vars = agent.promptVariables(input, baseline, tools);
                ModelLoop.Outcome outcome =
                        loop.run(prompt.render(vars), String.valueOf(vars.getOrDefault("task", input)));
                turns = loop.turns();
                tokens = loop.tokens();
                notes.addAll(loop.notes());
                if (outcome.failure() != null) {
                    fallback = outcome.failure();
                } else {
                    R answered = map(outcome.answer(), agent.reportType());
                    if (answered == null) {
                        fallback = "schema: model answer did not map to the report";
                    } else {
                        Agent.Judged<R> judged = agent.review(
                                answered,
                                baseline,
                                tools.transcript(),
                                !tools.flagged().isEmpty());
                        ungrounded.addAll(judged.dropped());
                        notes.addAll(judged.notes());
                        report = judged.report();
                        ranAs = RunOptions.Mode.LLM;
                    }
                }
            }
            RunInfo info = new RunInfo(
                    options.runId(),
                    spec.name(),
                    options.principal().id(),
                    RunInfo.modeText(ranAs, fallback),
                    model,
                    prompt.ref(),
                    prompt.sha256(),
                    started,
                    Duration.ofNanos(System.nanoTime() - t0).toMillis(),
                    turns,
                    tokens == null
                            ? RunInfo.Tokens.NONE
                            : new RunInfo.Tokens(
                                    tokens.inputTokenCount(), tokens.outputTokenCount(), tokens.totalTokenCount()),
                    tools.transcript().stream().map(RunInfo.ToolCall::of).toList(),
                    ungrounded,
                    tools.flagged(),
                    notes,
                    ranAs,
                    fallback);
            return new AgentRun<>(report, info);
        } finally {
            gate.endRun(options.runId());
        }
    }

    private static <R> R map(com.fasterxml.jackson.databind.JsonNode answer, Class<R> type) {
        try {
            return AgentRun.json().treeToValue(answer, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }
}
