package dev.meshpilot.agents.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunInfo;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.tools.DemoTools;
import dev.meshpilot.tools.MeshTools;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playbook triage of the demo mesh's seeded incidents, through the real gate, tools, store and index. */
class TriagePlaybookTest {
    @TempDir
    static Path tmp;

    static DemoTools demo;
    static AgentRunner runner;

    @BeforeAll
    static void setUp() {
        demo = new DemoTools(tmp);
        demo.with(MeshTools.mesh(demo.mesh), Map.of(TriageAgent.NAME, TriageAgent.TOOLS));
        runner = new AgentRunner(demo.gate, PromptRegistry.bundled(), Clock.systemUTC());
    }

    @AfterAll
    static void tearDown() {
        demo.close();
    }

    static AgentRun<TriageReport> triage(String incident, String principal) {
        return runner.run(new TriageAgent(), incident, RunOptions.playbook(demo.principals.resolve(principal)));
    }

    @Test
    void should_find_the_schema_mismatch_in_transactions_for_inc_1001() {
        AgentRun<TriageReport> run = triage("INC-1001", "alice");
        TriageReport r = run.report();
        System.out.println(TriageMarkdown.render(run));
        assertThat(r.rootCause().product()).isEqualTo("payments.transactions");
        assertThat(r.rootCause().errorClass()).isEqualTo("schema_mismatch");
        assertThat(r.rootCause().summary()).contains("card_number");
        assertThat(r.impact().products())
                .extracting(TriageReport.Impacted::product)
                .contains("finance.revenue_daily");
        assertThat(r.severity().level()).isEqualTo("SEV1");
        assertThat(r.owner().team()).isEqualTo("payments-team");
        assertThat(r.owner().oncall()).isEqualTo("alice");
        assertThat(r.similarIncidents()).extracting(TriageReport.Similar::id).contains("INC-0962");
        assertThat(r.nextSteps()).extracting(TriageReport.NextStep::runbook).contains("RB-schema-mismatch");
        assertThat(r.confidence()).isGreaterThanOrEqualTo(0.7);
        assertThat(run.run().mode()).isEqualTo("playbook");
    }

    @Test
    void should_find_the_duplicate_refunds_for_inc_1002() {
        AgentRun<TriageReport> run = triage("INC-1002", "alice");
        TriageReport r = run.report();
        System.out.println(TriageMarkdown.render(run));
        assertThat(r.rootCause().product()).isEqualTo("payments.refunds");
        assertThat(r.rootCause().errorClass()).isEqualTo("duplicate_keys");
        assertThat(r.rootCause().summary()).contains("refund_id");
        assertThat(r.similarIncidents()).extracting(TriageReport.Similar::id).contains("INC-0969");
        assertThat(r.nextSteps()).extracting(TriageReport.NextStep::runbook).contains("RB-duplicate-keys");
    }

    @Test
    void should_cite_only_evidence_of_its_own_run_and_record_every_audited_call() {
        AgentRun<TriageReport> run = triage("INC-1001", "alice");
        var known =
                run.run().toolCalls().stream().map(RunInfo.ToolCall::evidence).toList();
        assertThat(run.report().rootCause().evidence()).isNotEmpty().allMatch(known::contains);
        assertThat(run.report().impact().evidence()).allMatch(known::contains);
        assertThat(run.run().toolCalls())
                .allSatisfy(c -> assertThat(c.auditSeq()).isPositive());
        var audited = demo.audit.tail("alice", null, 200).stream()
                .filter(a -> run.run().runId().equals(a.entry().runId()))
                .count();
        assertThat(audited).isEqualTo(run.run().toolCalls().size());
        assertThat(run.run().promptSha256()).hasSize(64);
    }
}
