package dev.meshpilot.sandbox.tool;

import dev.meshpilot.sandbox.principal.Principal;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Who a call is for and on whose behalf it runs: the principal, the agent (or a front end acting as one:
 * {@code cli}, {@code mcp}, {@code slack}), the run it belongs to (budgets count per run), the prompt
 * {@code id@version} when an agent in LLM mode called (null otherwise), and a cancellation check that turns
 * true when the gate's timeout expires. Immutable.
 *
 * <pre>{@code
 * ToolContext ctx = new ToolContext(alice, "triage", runId, "triage@v3", null);
 * }</pre>
 */
public record ToolContext(
        Principal principal, String agent, String runId, String promptVersion, BooleanSupplier cancelled) {
    private static final BooleanSupplier NEVER = () -> false;

    public ToolContext {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(runId, "runId");
        cancelled = cancelled == null ? NEVER : cancelled;
    }

    /** This context with another cancellation check (the gate installs its own). */
    public ToolContext withCancellation(BooleanSupplier check) {
        return new ToolContext(principal, agent, runId, promptVersion, check);
    }
}
