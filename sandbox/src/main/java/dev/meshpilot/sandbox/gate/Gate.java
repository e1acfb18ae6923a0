package dev.meshpilot.sandbox.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.audit.AuditEntry;
import dev.meshpilot.sandbox.audit.AuditRecord;
import dev.meshpilot.sandbox.audit.AuditSink;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Decision;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.SideEffect;
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.sandbox.tool.ToolResult.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one gate every tool call passes: validate the arguments → authorize (the agent's allowlist ∩ the
 * principal's grants, deny by default, never a {@code WRITE} tool) → budget → run with a timeout → cap →
 * redact → fence untrusted text → audit (allowed or denied, durable before the result is returned).
 *
 * <pre>{@code
 * Gate gate = new Gate(List.of(new GetProduct(...)), agents::get, Limits.DEFAULT, auditLog);
 * ToolResult r = gate.call(new ToolContext(alice, "triage", runId, "triage@v1", null), "get_data_product", args);
 * }</pre>
 *
 * <p>Never throws for a tool's failure: every outcome is a {@link ToolResult}. Thread-safe.
 */
public final class Gate {
    private final Map<String, Tool> tools;
    private final Function<String, AgentPolicy> agents;
    private final Limits limits;
    private final AuditSink audit;
    private final Budget budget;
    private final ArgumentValidator validator = new ArgumentValidator();

    public Gate(List<Tool> tools, Function<String, AgentPolicy> agents, Limits limits, AuditSink audit) {
        this.tools = tools.stream()
                .collect(Collectors.toUnmodifiableMap(t -> t.declaration().name(), t -> t));
        this.agents = agents;
        this.limits = limits;
        this.audit = audit;
        this.budget = new Budget(limits);
    }

    public List<Tool> tools() {
        return List.copyOf(tools.values());
    }

    public ToolResult call(ToolContext ctx, String toolName, JsonNode args) {
        long start = System.nanoTime();
        String denial = authorize(ctx, toolName, args);
        if (denial != null) {
            return finish(ctx, toolName, args, Status.DENIED, null, denial, List.of(), start, 0);
        }
        Tool tool = tools.get(toolName);
        ToolOutput output = Runner.run(tool, ctx, args, limits.timeout());
        List<String> notes = new ArrayList<>();
        boolean hasData = output.status() == Status.OK || output.status() == Status.TRUNCATED;
        if (!hasData || output.data() == null) {
            return finish(ctx, toolName, args, output.status(), null, output.message(), notes, start, 0);
        }
        JsonNode data = output.data().deepCopy();
        Shaper.redactClassified(data, ctx.principal(), output.sensitive(), notes);
        data = Shaper.redactSecrets(data, notes);
        int bytes = Capper.cap(data, limits.maxItems(), limits.maxBytes(), notes);
        if (bytes < 0) {
            return finish(
                    ctx,
                    toolName,
                    args,
                    Status.ERROR,
                    null,
                    "the result is larger than " + limits.maxBytes()
                            + " bytes even when cut down; ask for less (a filter, a smaller page)",
                    notes,
                    start,
                    0);
        }
        Shaper.fenceUntrusted(data, output.untrusted(), notes);
        if (output.status() == Status.TRUNCATED && output.message() != null) {
            notes.add(output.message());
        }
        boolean cut = output.status() == Status.TRUNCATED
                || notes.stream().anyMatch(n -> n.startsWith("truncated") || n.startsWith("shortened"));
        return finish(ctx, toolName, args, cut ? Status.TRUNCATED : Status.OK, data, null, notes, start, bytes);
    }

    /** Forgets a finished run's call count. */
    public void endRun(String runId) {
        budget.endRun(runId);
    }

    private String authorize(ToolContext ctx, String toolName, JsonNode args) {
        AgentPolicy agent = agents.apply(ctx.agent());
        if (agent == null) {
            return "unknown agent '" + ctx.agent() + "': no tools are allowed";
        }
        Tool tool = tools.get(toolName);
        if (tool == null || !agent.allows(toolName)) {
            String known = tool == null
                    ? "unknown tool '" + toolName + "'"
                    : "agent " + ctx.agent() + " may not call " + toolName;
            return known + " (allowed for " + ctx.agent() + ": " + agent.allowedList() + ")";
        }
        if (tool.declaration().sideEffect() == SideEffect.WRITE) {
            return toolName + " declares side effect 'write'; Meshpilot never runs tools that change anything";
        }
        List<String> problems = validator.problems(tool.declaration(), args);
        if (!problems.isEmpty()) {
            return "invalid arguments for " + toolName + ": " + String.join("; ", problems);
        }
        List<Resource> resources;
        try {
            resources = tool.resources(args);
        } catch (RuntimeException e) {
            return "cannot tell what " + toolName + " would touch: " + e.getMessage();
        }
        for (Scope scope : new TreeSet<>(tool.declaration().requiredScopes())) {
            if (resources.isEmpty() && ctx.principal().grants().stream().noneMatch(g -> g.scope() == scope)) {
                // A tool that decides per item (sql.query, per table) still needs the scope somewhere.
                return toolName + " needs " + scope.wireName() + ": "
                        + AccessPolicy.check(ctx.principal(), scope, Resource.MESH)
                                .reason();
            }
            for (Resource r : resources) {
                Decision d = AccessPolicy.check(ctx.principal(), scope, r);
                if (!d.allowed()) {
                    return toolName + " needs " + scope.wireName() + " on " + r + ": " + d.reason();
                }
            }
        }
        return budget.take(ctx.principal().id(), ctx.runId(), System.nanoTime());
    }

    private ToolResult finish(
            ToolContext ctx,
            String tool,
            JsonNode args,
            Status status,
            JsonNode data,
            String message,
            List<String> notes,
            long start,
            int bytes) {
        long micros = (System.nanoTime() - start) / 1_000;
        String reason = message != null ? message : notes.isEmpty() ? null : String.join("; ", notes);
        AuditEntry entry = new AuditEntry(
                Instant.now(),
                ctx.principal().id(),
                ctx.agent(),
                ctx.runId(),
                tool,
                Canonical.digest(args),
                status.wireName(),
                reason,
                micros,
                bytes,
                ctx.promptVersion());
        AuditRecord record = audit.append(entry);
        return new ToolResult(status, data, message, record.seq(), notes);
    }
}
