package dev.meshpilot.sandbox.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.sandbox.audit.AuditEntry;
import dev.meshpilot.sandbox.audit.AuditRecord;
import dev.meshpilot.sandbox.audit.AuditSink;
import dev.meshpilot.sandbox.tool.SideEffect;
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.sandbox.tool.ToolRegistry;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.sandbox.tool.ToolResult.Status;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The one gate every tool call passes: authorize (the agent's allowlist, never a {@code WRITE} tool, the
 * arguments valid against the tool's JSON Schema, then the principal's grants on every resource the call
 * touches; deny by default) → budget → run on a virtual thread with a timeout → cap lists → redact classified
 * values and secrets → fence untrusted text → cap bytes → audit, allowed or denied, durable before the
 * result is returned.
 *
 * <pre>{@code
 * Gate gate = new Gate(List.of(new SqlQueryTool(...)), agents::get, Limits.DEFAULT, auditLog);
 * ToolResult r = gate.call(new ToolContext(alice, "triage", runId, "triage@v1", null), "sql.query", args);
 * }</pre>
 *
 * <p>Never throws for a tool's failure or a refusal: every outcome is a {@link ToolResult}. The one exception
 * is the audit log failing: then the call throws {@code MeshpilotException} ({@link ErrorCode#STORE_FAILED})
 * and returns nothing, since a result must not leave the gate unaudited. Thread-safe.
 */
public final class Gate {
    private static final int MAX_NAME = 200;

    private final ToolRegistry tools;
    private final Limits limits;
    private final AuditSink audit;
    private final Authorizer authorizer;
    private final Function<String, AgentPolicy> agents;
    private final Budget budget;

    /** @throws IllegalArgumentException when two tools share a name */
    public Gate(List<? extends Tool> tools, Function<String, AgentPolicy> agents, Limits limits, AuditSink audit) {
        this(ToolRegistry.of(tools), agents, limits, audit);
    }

    public Gate(ToolRegistry tools, Function<String, AgentPolicy> agents, Limits limits, AuditSink audit) {
        this.tools = tools;
        this.agents = agents;
        this.limits = limits;
        this.audit = audit;
        this.authorizer = new Authorizer(tools, agents);
        this.budget = new Budget(limits);
    }

    /** The budgets and caps every call is held to. */
    public Limits limits() {
        return limits;
    }

    /** Every tool, sorted by name. */
    public List<Tool> tools() {
        return tools.tools();
    }

    /** The declarations of the tools {@code agent} may call (what a model or an MCP client is offered). */
    public List<ToolDeclaration> declarations(String agent) {
        AgentPolicy policy = agents.apply(agent);
        return policy == null
                ? List.of()
                : tools.declarations().stream()
                        .filter(d -> policy.allows(d.name()) && d.sideEffect() != SideEffect.WRITE)
                        .toList();
    }

    public ToolResult call(ToolContext ctx, String toolName, JsonNode args) {
        long start = System.nanoTime();
        String name = toolName == null ? "" : clip(toolName);
        String denial = authorizer.denial(ctx, name, args);
        if (denial == null) {
            denial = budget.take(ctx.principal().id(), ctx.runId(), start);
        }
        if (denial != null) {
            return finish(ctx, name, args, Shaped.denied(denial), start);
        }
        Tool tool = tools.find(name).orElseThrow();
        ToolOutput output = Runner.run(tool, name, ctx, args, limits.timeout());
        Shaped shaped;
        try {
            shaped = Shaping.shape(output, ctx.principal(), limits);
        } catch (RuntimeException e) {
            // Fail closed: data the gate could not redact and cap does not leave it.
            shaped = new Shaped(
                    Status.ERROR, null, name + " returned data the gate cannot process: " + e, new Findings(), 0);
        }
        return finish(ctx, name, args, shaped, start);
    }

    /** Forgets a finished run's call count. */
    public void endRun(String runId) {
        budget.endRun(runId);
    }

    private ToolResult finish(ToolContext ctx, String tool, JsonNode args, Shaped s, long start) {
        List<String> notes = s.findings().noteList();
        String reason = s.message() != null ? s.message() : notes.isEmpty() ? null : String.join("; ", notes);
        AuditEntry entry = new AuditEntry(
                Instant.now(),
                ctx.principal().id(),
                ctx.agent(),
                ctx.runId(),
                tool,
                Canonical.digest(args),
                s.status().wireName(),
                reason,
                (System.nanoTime() - start) / 1_000,
                s.bytes(),
                ctx.promptVersion(),
                // what was asked, redacted as results are: secrets never reach the log
                Secrets.redact(Canonical.json(args)));
        AuditRecord record = audit.append(entry);
        return new ToolResult(
                s.status(),
                s.data(),
                s.message(),
                record.seq(),
                notes,
                s.findings().truncations(),
                s.findings().flags());
    }

    private static String clip(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME) + "…";
    }
}
