package dev.meshpilot.agents.anomalies;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Echo;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Group;
import dev.meshpilot.agents.kit.Grounding;
import dev.meshpilot.agents.kit.PromptInputs;
import dev.meshpilot.agents.kit.VerdictGuard;
import dev.meshpilot.agents.runtime.Agent;
import dev.meshpilot.agents.runtime.AgentSpec;
import dev.meshpilot.agents.runtime.Budgets;
import dev.meshpilot.agents.runtime.ToolBox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The anomalies agent: input a scope and a window ({@link AnomalyQuery}), output an {@link AnomaliesReport}
 * of anomaly groups along lineage. Read-only tools; the detector's math is in {@code mesh.anomaly.detect}.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * AgentRun<AnomaliesReport> run = runner.run(new AnomaliesAgent(), new AnomalyQuery(null, null, null),
 *         RunOptions.playbook(scheduler));
 * }</pre>
 */
public final class AnomaliesAgent implements Agent<AnomalyQuery, AnomaliesReport> {
    public static final String NAME = "anomalies";
    public static final Set<String> TOOLS = Set.of(
            "scan_metrics",
            "lineage_links",
            "list_products",
            "metric_history",
            "metric_series",
            "get_data_product",
            "lineage_upstream",
            "lineage_downstream",
            "impact",
            "list_incidents",
            "get_incident",
            "recent_runs",
            "quality_results");
    static final Budgets BUDGETS = new Budgets(48, 12, Duration.ofSeconds(120));
    private static final JsonNode SCHEMA = PromptInputs.schema(AnomaliesAgent.class, "anomalies-report.schema.json");
    private static final AgentSpec SPEC = new AgentSpec(NAME, TOOLS, "anomalies", SCHEMA, BUDGETS);

    @Override
    public AgentSpec spec() {
        return SPEC;
    }

    @Override
    public Class<AnomaliesReport> reportType() {
        return AnomaliesReport.class;
    }

    @Override
    public AnomaliesReport playbook(ToolBox tools, AnomalyQuery query) {
        return new AnomaliesPlaybook(tools).run(query);
    }

    @Override
    public Map<String, Object> promptVariables(AnomalyQuery q, AnomaliesReport draft, ToolBox tools) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("scope", q.describe());
        vars.put("since", String.valueOf(draft.since()));
        vars.put("until", String.valueOf(draft.until()));
        vars.putAll(PromptInputs.common(tools, draft, SCHEMA));
        return vars;
    }

    @Override
    public Grounded<AnomaliesReport> ground(AnomaliesReport r, Set<String> known) {
        Grounding g = new Grounding(known);
        List<Group> groups = groups(g, r.groups());
        List<Group> explained = groups(g, r.explained());
        return new Grounded<>(
                new AnomaliesReport(r.scope(), r.since(), r.until(), groups, explained, r.sweep(), r.summary()),
                g.dropped());
    }

    private static List<Group> groups(Grounding g, List<Group> in) {
        List<Group> out = new ArrayList<>();
        for (Group x :
                g.keep(in, x -> "group " + (x.root() == null ? "?" : x.root().product()))) {
            if (x.root() == null || !g.grounded(x.root())) {
                g.check(x.root(), a -> "root " + a.product() + " " + a.metric(), null);
                continue;
            }
            List<Echo> echoes = g.keep(x.echoes(), e -> "echo " + e.anomaly().product());
            out.add(new Group(
                    x.id(),
                    x.rank(),
                    x.root(),
                    echoes,
                    x.criticality(),
                    x.downstream(),
                    x.impact(),
                    x.rankScore(),
                    g.check(x.owner(), o -> "owner " + o.team(), null),
                    x.incidents(),
                    x.explainedBy(),
                    x.evidence()));
        }
        return out;
    }

    @Override
    public Grounded<AnomaliesReport> guardVerdict(AnomaliesReport model, AnomaliesReport baseline) {
        VerdictGuard guard = new VerdictGuard();
        List<Group> groups = guard.keep(
                "anomaly groups",
                model.groups(),
                baseline.groups(),
                AnomaliesAgent::roots,
                gs -> String.join(", ", roots(gs)));
        List<Group> explained = guard.keep(
                "explained groups",
                model.explained(),
                baseline.explained(),
                AnomaliesAgent::roots,
                gs -> String.join(", ", roots(gs)));
        if (guard.kept().isEmpty()) {
            return new Grounded<>(model, List.of());
        }
        return new Grounded<>(
                new AnomaliesReport(
                        model.scope(),
                        model.since(),
                        model.until(),
                        groups,
                        explained,
                        model.sweep(),
                        baseline.summary()),
                guard.kept());
    }

    /** The verdict of a list of groups: each root's product and metric, in order. */
    private static List<String> roots(List<Group> groups) {
        return groups.stream()
                .map(g -> g.root() == null
                        ? "?"
                        : g.root().product() + " " + g.root().metric())
                .toList();
    }
}
