package dev.meshpilot.agents.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.agents.kit.Grounding;
import dev.meshpilot.agents.kit.PromptInputs;
import dev.meshpilot.agents.kit.VerdictGuard;
import dev.meshpilot.agents.runtime.Agent;
import dev.meshpilot.agents.runtime.AgentSpec;
import dev.meshpilot.agents.runtime.Budgets;
import dev.meshpilot.agents.runtime.ToolBox;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The drift agent: input a scope ({@code mesh}, a domain or a product id), output a {@link DriftReport}. Its tools
 * are read-only; recording a run (for the next run's new/persisting/resolved) is the caller's: {@code meshpilot
 * drift} and scheduled runs record, MCP calls do not. Stateless and thread-safe.
 *
 * <pre>{@code
 * AgentRun<DriftReport> run = runner.run(new DriftAgent(), "customers", RunOptions.playbook(scheduler));
 * }</pre>
 */
public final class DriftAgent implements Agent<String, DriftReport> {
    public static final String NAME = "drift";
    public static final Set<String> TOOLS = Set.of(
            "check_policies",
            "list_policies",
            "get_data_product",
            "get_contract",
            "observed_grants",
            "observed_schema",
            "recent_runs",
            "lineage_downstream",
            "previous_findings");
    static final Budgets BUDGETS = new Budgets(250, 8, Duration.ofSeconds(180));
    private static final JsonNode SCHEMA = PromptInputs.schema(DriftAgent.class, "drift-report.schema.json");
    private static final AgentSpec SPEC = new AgentSpec(NAME, TOOLS, "drift", SCHEMA, BUDGETS);

    @Override
    public AgentSpec spec() {
        return SPEC;
    }

    @Override
    public Class<DriftReport> reportType() {
        return DriftReport.class;
    }

    @Override
    public DriftReport playbook(ToolBox tools, String scope) {
        return new DriftPlaybook(tools).run(scope);
    }

    @Override
    public Map<String, Object> promptVariables(String scope, DriftReport draft, ToolBox tools) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("scope", draft.scope());
        vars.putAll(PromptInputs.common(tools, draft, SCHEMA));
        vars.put("task", "Check governance drift of " + draft.scope() + ". Answer with the JSON report only.");
        return vars;
    }

    @Override
    public Grounded<DriftReport> ground(DriftReport r, Set<String> known) {
        Grounding g = new Grounding(known);
        List<DriftFinding> findings =
                g.keep(r.findings(), f -> "finding " + f.policy() + " " + f.asset() + " " + f.subject());
        List<DriftReport.Resolved> resolved = g.keep(r.resolved(), x -> "resolved " + x.fingerprint());
        List<DriftReport.ExceptionNote> notes =
                g.keep(r.exceptions(), x -> "exception " + x.policy() + " " + x.product() + " " + x.status());
        DriftReport out = new DriftReport(
                r.scope(),
                r.asOf(),
                r.coverage(),
                r.policies(),
                Reports.counts(findings, resolved.size()),
                findings,
                resolved,
                notes,
                r.previousRun(),
                r.summary());
        return new Grounded<>(out, g.dropped());
    }

    @Override
    public Grounded<DriftReport> guardVerdict(DriftReport model, DriftReport baseline) {
        VerdictGuard guard = new VerdictGuard();
        List<DriftFinding> findings = guard.keep(
                "findings",
                model.findings(),
                baseline.findings(),
                l -> l.stream()
                        .map(f -> f.fingerprint() + ":" + f.level() + ":" + f.state())
                        .collect(Collectors.toSet()),
                l -> l.size() + " findings");
        if (guard.kept().isEmpty()) {
            return new Grounded<>(model, List.of());
        }
        return new Grounded<>(
                new DriftReport(
                        model.scope(),
                        baseline.asOf(),
                        baseline.coverage(),
                        baseline.policies(),
                        baseline.counts(),
                        findings,
                        baseline.resolved(),
                        baseline.exceptions(),
                        baseline.previousRun(),
                        baseline.summary()),
                guard.kept());
    }
}
