package dev.meshpilot.agents.migration;

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

/**
 * The contract migration agent: input a {@link MigrationRequest}, output a {@link MigrationReport}. Read-only: its
 * SQL runs on a scratch database of its own, never on the warehouse. Stateless and thread-safe.
 *
 * <pre>{@code
 * AgentRun<MigrationReport> run = runner.run(new MigrationAgent(), request, RunOptions.playbook(carmen));
 * }</pre>
 */
public final class MigrationAgent implements Agent<MigrationRequest, MigrationReport> {
    public static final String NAME = "migrate";
    public static final Set<String> TOOLS = Set.of(
            "get_contract",
            "get_data_product",
            "list_policies",
            "impact",
            "lineage_downstream",
            "observed_grants",
            "observed_schema",
            "sql.query",
            "search_catalog");
    static final Budgets BUDGETS = new Budgets(40, 8, Duration.ofSeconds(120));
    private static final JsonNode SCHEMA = PromptInputs.schema(MigrationAgent.class, "migration-report.schema.json");
    private static final AgentSpec SPEC = new AgentSpec(NAME, TOOLS, "migration", SCHEMA, BUDGETS);

    @Override
    public AgentSpec spec() {
        return SPEC;
    }

    @Override
    public Class<MigrationReport> reportType() {
        return MigrationReport.class;
    }

    @Override
    public MigrationReport playbook(ToolBox tools, MigrationRequest input) {
        return new MigrationPlaybook(tools).run(input);
    }

    @Override
    public Map<String, Object> promptVariables(MigrationRequest input, MigrationReport draft, ToolBox tools) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("contract", draft.contract().isEmpty() ? input.describe() : draft.contract());
        vars.putAll(PromptInputs.common(tools, draft, SCHEMA));
        vars.put(
                "task",
                "Draft the migration of " + vars.get("contract") + " from " + draft.fromVersion() + " to "
                        + draft.toVersion() + ". Answer with the JSON report only.");
        return vars;
    }

    @Override
    public Grounded<MigrationReport> ground(MigrationReport r, Set<String> known) {
        Grounding g = new Grounding(known);
        List<MigrationReport.Consumer> consumers = g.keep(r.consumers(), c -> "consumer " + c.product());
        List<MigrationReport.GrantImpact> grants = g.keep(r.grants(), x -> "grant to " + x.principal());
        return new Grounded<>(
                new MigrationReport(
                        r.contract(),
                        r.product(),
                        r.fromVersion(),
                        r.toVersion(),
                        r.verdict(),
                        r.migrationNeeded(),
                        r.changes(),
                        r.renames(),
                        r.version(),
                        consumers,
                        grants,
                        r.plans(),
                        r.verification(),
                        r.timeline(),
                        r.notice(),
                        r.check(),
                        r.summary(),
                        r.proposedFile()),
                g.dropped());
    }

    @Override
    public Grounded<MigrationReport> guardVerdict(MigrationReport model, MigrationReport baseline) {
        VerdictGuard guard = new VerdictGuard();
        String verdict = guard.keep("verdict", model.verdict(), baseline.verdict(), v -> v, v -> v);
        List<MigrationReport.ChangeFinding> changes = guard.keep(
                "changes",
                model.changes(),
                baseline.changes(),
                l -> l.stream()
                        .map(c -> c.path() + " " + c.rule() + " " + c.severity())
                        .toList(),
                l -> l.size() + " changes");
        MigrationReport.Version version = guard.keep(
                "version check",
                model.version(),
                baseline.version(),
                v -> v.needed() + " " + v.sufficient(),
                v -> v.needed().wireName() + ", sufficient " + v.sufficient());
        MigrationReport.Check check = guard.keep(
                "check", model.check(), baseline.check(), MigrationReport.Check::failed, c -> "failed " + c.failed());
        if (guard.kept().isEmpty()) {
            return new Grounded<>(model, List.of());
        }
        return new Grounded<>(
                new MigrationReport(
                        model.contract(),
                        model.product(),
                        model.fromVersion(),
                        model.toVersion(),
                        verdict,
                        baseline.migrationNeeded(),
                        changes,
                        baseline.renames(),
                        version,
                        model.consumers(),
                        model.grants(),
                        baseline.plans(),
                        baseline.verification(),
                        model.timeline(),
                        model.notice(),
                        check,
                        baseline.summary(),
                        baseline.proposedFile()),
                guard.kept());
    }

    /** The report's JSON Schema. */
    public static JsonNode reportSchema() {
        return SCHEMA.deepCopy();
    }
}
