package dev.meshpilot.sandbox.tool;

import dev.meshpilot.sandbox.principal.Principal;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Who a call is for and on whose behalf it runs: the principal, the agent (or {@code cli}, {@code mcp}), the
 * run it belongs to, the prompt id@version when an agent called, and a cancellation check.
 */
public record ToolContext(
        Principal principal, String agent, String runId, String promptVersion, BooleanSupplier cancelled) {
    public ToolContext {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(runId, "runId");
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    public ToolContext withCancellation(BooleanSupplier check) {
        return new ToolContext(principal, agent, runId, promptVersion, check);
    }
}
