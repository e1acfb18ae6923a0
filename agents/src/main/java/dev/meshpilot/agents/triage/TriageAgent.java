package dev.meshpilot.agents.triage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.agents.kit.Grounding;
import dev.meshpilot.agents.kit.Owner;
import dev.meshpilot.agents.kit.PromptInputs;
import dev.meshpilot.agents.kit.VerdictGuard;
import dev.meshpilot.agents.runtime.Agent;
import dev.meshpilot.agents.runtime.AgentSpec;
import dev.meshpilot.agents.runtime.Budgets;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.agents.triage.TriageReport.Cause;
import dev.meshpilot.agents.triage.TriageReport.Impact;
import dev.meshpilot.agents.triage.TriageReport.NextStep;
import dev.meshpilot.agents.triage.TriageReport.Similar;
import dev.meshpilot.mesh.incident.ErrorClass;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The incident triage agent: input an incident id, output a {@link TriageReport}. Its tools are read-only
 * mesh tools; it never queries the warehouse. Stateless and thread-safe.
 *
 * <pre>{@code
 * AgentRun<TriageReport> run = runner.run(new TriageAgent(), "INC-1001", RunOptions.playbook(alice));
 * }</pre>
 */
public final class TriageAgent implements Agent<String, TriageReport> {
    public static final String NAME = "triage";
    public static final Set<String> TOOLS = Set.of(
            "get_incident",
            "get_data_product",
            "get_contract",
            "lineage_upstream",
            "lineage_downstream",
            "impact",
            "recent_runs",
            "quality_results",
            "metric_series",
            "metric_history",
            "observed_schema",
            "list_incidents",
            "similar_incidents",
            "search_runbooks",
            "search_catalog");
    static final Budgets BUDGETS = new Budgets(40, 12, Duration.ofSeconds(120));
    private static final JsonNode SCHEMA = PromptInputs.schema(TriageAgent.class, "triage-report.schema.json");
    private static final AgentSpec SPEC = new AgentSpec(NAME, TOOLS, "triage", SCHEMA, BUDGETS);

    @Override
    public AgentSpec spec() {
        return SPEC;
    }

    @Override
    public Class<TriageReport> reportType() {
        return TriageReport.class;
    }

    @Override
    public TriageReport playbook(ToolBox tools, String incidentId) {
        return new TriagePlaybook(tools).run(incidentId);
    }

    @Override
    public Map<String, Object> promptVariables(String incidentId, TriageReport draft, ToolBox tools) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("incident", incidentId);
        vars.putAll(PromptInputs.common(tools, draft, SCHEMA));
        vars.put("task", "Triage incident " + incidentId + ". Answer with the JSON report only.");
        return vars;
    }

    /** Field by field against the evidence, the playbook's report the floor ({@link TriageReview}). */
    @Override
    public Judged<TriageReport> review(
            TriageReport model, TriageReport baseline, List<Evidence> evidence, boolean flagged) {
        return TriageReview.review(model, baseline, evidence, flagged);
    }

    @Override
    public Grounded<TriageReport> ground(TriageReport r, Set<String> known) {
        Grounding g = new Grounding(known);
        Cause root = g.check(
                r.rootCause(),
                c -> "rootCause " + c.product() + " (" + c.errorClass() + ")",
                new Cause(
                        null,
                        ErrorClass.UNKNOWN.wireName(),
                        "The model's root cause cited no evidence of this run",
                        0.1,
                        List.of()));
        List<Cause> alternatives =
                g.keep(r.alternatives(), c -> "alternative " + c.product() + " (" + c.errorClass() + ")");
        List<NextStep> steps = g.keep(r.nextSteps(), s -> "nextStep from " + s.runbook());
        List<Similar> similar = g.keep(r.similarIncidents(), s -> "similarIncident " + s.id());
        Impact impact = g.check(r.impact(), i -> "impact", new Impact(List.of(), 0, Map.of(), List.of()));
        Owner owner = g.check(r.owner(), o -> "owner " + o.team(), null);
        TriageReport.Severity severity = r.severity();
        if (severity != null && !severity.evidence().isEmpty()) {
            TriageReport.Severity s = severity;
            severity = g.check(
                    s,
                    v -> "severity " + v.level(),
                    new TriageReport.Severity(
                            s.level(), s.rule() + " (evidence not in this run)", s.factors(), List.of()));
        }
        double confidence = !g.droppedAny()
                ? r.confidence()
                : Math.min(r.confidence(), root.likelihood() > 0 ? root.likelihood() : 0.1);
        TriageReport out = new TriageReport(
                r.incident(),
                r.title(),
                r.product(),
                severity,
                root,
                alternatives,
                impact,
                owner,
                steps,
                similar,
                confidence,
                r.summary(),
                r.notes());
        return new Grounded<>(out, g.dropped());
    }

    @Override
    public Grounded<TriageReport> guardVerdict(TriageReport model, TriageReport baseline) {
        VerdictGuard guard = new VerdictGuard();
        Cause root = guard.keep(
                "root cause",
                model.rootCause(),
                baseline.rootCause(),
                c -> Arrays.asList(c.product(), c.errorClass()),
                c -> c.product() + ", " + c.errorClass());
        TriageReport.Severity severity = guard.keep(
                "severity",
                model.severity(),
                baseline.severity(),
                TriageReport.Severity::level,
                TriageReport.Severity::level);
        if (guard.kept().isEmpty()) {
            return new Grounded<>(model, List.of());
        }
        return new Grounded<>(
                new TriageReport(
                        model.incident(),
                        model.title(),
                        model.product(),
                        severity,
                        root,
                        model.alternatives(),
                        model.impact(),
                        model.owner(),
                        model.nextSteps(),
                        model.similarIncidents(),
                        Math.min(model.confidence(), baseline.confidence()),
                        baseline.summary(),
                        baseline.notes()),
                guard.kept());
    }

    /** The report's JSON Schema. */
    public static JsonNode reportSchema() {
        return SCHEMA.deepCopy();
    }
}
