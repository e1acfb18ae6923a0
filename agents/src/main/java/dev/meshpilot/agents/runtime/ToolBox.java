package dev.meshpilot.agents.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.gate.Gate;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The tools of one run: every call goes through the gate as the run's principal and agent (so the gate
 * authorizes, budgets, redacts, fences and audits it), is numbered as evidence, and counts against the
 * run's tool budget. Not thread-safe: one run, one thread.
 */
public final class ToolBox {
    private final Gate gate;
    private final ToolContext context;
    private final int maxCalls;
    private final Instant deadline;
    private final Clock clock;
    private final BooleanSupplier cancelled;
    private final List<Evidence> transcript = new ArrayList<>();

    ToolBox(Gate gate, ToolContext context, int maxCalls, Instant deadline, Clock clock, BooleanSupplier cancelled) {
        this.gate = gate;
        this.context = context;
        this.maxCalls = maxCalls;
        this.deadline = deadline;
        this.clock = clock;
        this.cancelled = cancelled;
    }

    /**
     * Calls {@code tool} through the gate; the result, whatever its status, is the next evidence.
     *
     * @throws RunStopped when the run is cancelled, past its wall clock, or out of tool calls
     */
    public Evidence call(String tool, JsonNode args, String by) {
        if (cancelled.getAsBoolean()) {
            throw new RunStopped("cancelled");
        }
        if (clock.instant().isAfter(deadline)) {
            throw new RunStopped("wall-clock budget exhausted");
        }
        if (transcript.size() >= maxCalls) {
            throw new RunStopped("tool-call budget of " + maxCalls + " exhausted");
        }
        long start = System.nanoTime();
        ToolResult r = gate.call(context.withCancellation(cancelled), tool, args);
        Evidence e = new Evidence("E" + (transcript.size() + 1), tool, args, r, (System.nanoTime() - start) / 1000, by);
        transcript.add(e);
        return e;
    }

    /** {@link #call} by the playbook, returning the evidence only when it holds data. */
    public Optional<Evidence> data(String tool, JsonNode args) {
        Evidence e = call(tool, args, "playbook");
        return e.hasData() ? Optional.of(e) : Optional.empty();
    }

    public List<Evidence> transcript() {
        return List.copyOf(transcript);
    }

    /** Calls left to this run: the agent's own budget or the gate's calls per run, whichever is smaller. */
    public int remainingCalls() {
        return Math.min(maxCalls, gate.limits().maxCallsPerRun()) - transcript.size();
    }

    /** Items the gate lets one result hold ({@code gate.maxItems}): a page asked for beyond it is cut. */
    public int maxItems() {
        return gate.limits().maxItems();
    }

    public Optional<Evidence> evidence(String id) {
        return transcript.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** What the agent may call, as the gate offers it. */
    public List<ToolDeclaration> declarations() {
        return gate.declarations(context.agent());
    }

    /** The gate's name of a tool a model named with {@code _} for {@code .}; unknown names pass unchanged. */
    String gateName(String modelName) {
        return gate.tools().stream()
                .map(t -> t.declaration().name())
                .filter(n -> n.replace('.', '_').equals(modelName))
                .findFirst()
                .orElse(modelName);
    }

    public ToolContext context() {
        return context;
    }

    /** Evidence ids whose fenced text the gate flagged as instruction-like. */
    public List<String> flagged() {
        return transcript.stream()
                .filter(e -> e.result().flags().contains(ToolResult.Flag.INSTRUCTION_LIKE_TEXT))
                .map(Evidence::id)
                .toList();
    }

    public Instant deadline() {
        return deadline;
    }

    public Clock clock() {
        return clock;
    }
}
