package dev.meshpilot.agents.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunInfo;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.ledger.RecordedFinding;
import dev.meshpilot.mesh.ledger.RecordedRun;
import dev.meshpilot.mesh.ledger.RunLedger;
import dev.meshpilot.tools.DemoTools;
import dev.meshpilot.tools.MeshTools;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playbook drift of the demo mesh, through the real gate, tools and SQLite store. */
class DriftPlaybookTest {
    @TempDir
    static Path tmp;

    static DemoTools demo;
    static AgentRunner runner;

    @BeforeAll
    static void setUp() {
        demo = new DemoTools(tmp);
        demo.with(MeshTools.mesh(demo.mesh), Map.of(DriftAgent.NAME, DriftAgent.TOOLS));
        runner = new AgentRunner(demo.gate, PromptRegistry.bundled(), Clock.systemUTC());
    }

    @AfterAll
    static void tearDown() {
        demo.close();
    }

    static AgentRun<DriftReport> drift(String scope, String principal) {
        return runner.run(new DriftAgent(), scope, RunOptions.playbook(demo.principals.resolve(principal)));
    }

    static Optional<DriftFinding> find(DriftReport r, String policy, String asset, String subject) {
        return r.findings().stream()
                .filter(f -> f.policy().equals(policy)
                        && f.asset().equals(asset)
                        && f.subject().equals(subject))
                .findFirst();
    }

    @Test
    void should_render_chat_blocks_with_the_deny_findings_first_and_the_run_last() {
        AgentRun<DriftReport> run = drift("mesh", "meshpilot-scheduler");
        var blocks = DriftChat.render(run);
        assertThat(blocks.get(0).type()).isEqualTo("header");
        assertThat(blocks.get(0).text()).startsWith("Drift · mesh · ").contains("deny");
        assertThat(blocks.stream().filter(b -> b.type().equals("section")).map(b -> b.text()))
                .anyMatch(t -> t.startsWith("*deny (") && t.contains("customers.customer_profile"));
        assertThat(blocks.get(blocks.size() - 1).text())
                .contains("as meshpilot-scheduler", run.run().runId());
    }

    @Test
    void should_find_the_seeded_drift_when_checking_the_whole_demo_mesh() {
        DriftReport r = drift("mesh", "meshpilot-scheduler").report();
        assertThat(find(r, "pii-access-restricted", "customers.customer_profile", "marketing-analyst"))
                .get()
                .satisfies(f -> {
                    assertThat(f.level()).isEqualTo("deny");
                    assertThat(f.observed()).contains("whole table").contains("email");
                    assertThat(f.owner().team()).isEqualTo("customers-team");
                    assertThat(f.fix())
                            .startsWith("REVOKE SELECT ON customers.customer_profile FROM marketing-analyst");
                });
        assertThat(find(r, "schema-matches-contract", "payments.transactions", "column:card_number"))
                .get()
                .extracting(DriftFinding::level)
                .isEqualTo("deny");
        assertThat(find(r, "payments-retention-365d", "payments.transactions", "partitions"))
                .get()
                .extracting(DriftFinding::observed)
                .asString()
                .contains("800 days");
        assertThat(find(r, "payments-retention-365d", "payments.refunds", "partitions"))
                .isEmpty();
        assertThat(find(r, "daily-freshness", "finance.revenue_daily", "freshness"))
                .isPresent();
        assertThat(find(r, "daily-freshness", "payments.transactions", "freshness"))
                .isPresent();
        assertThat(find(r, "require-owner", "inventory.stock_levels", "owner")).isPresent();
        assertThat(find(r, "finance-readers", "finance.revenue_daily", "readers"))
                .get()
                .extracting(DriftFinding::observed)
                .asString()
                .contains("marketing-analyst");
        assertThat(find(r, "pii-follows-lineage", "ml.churn_features", "column:email_reachable"))
                .isPresent();
        assertThat(r.counts()).containsEntry("deny", 3).containsEntry("warn", 7).containsEntry("excepted", 1);
    }

    @Test
    void should_not_flag_column_grants_that_leave_out_the_pii_columns() {
        DriftReport r = drift("customers", "meshpilot-scheduler").report();
        assertThat(find(r, "pii-access-restricted", "customers.customer_profile", "analyst"))
                .isEmpty();
        assertThat(find(r, "pii-access-restricted", "customers.customer_profile", "engineer"))
                .isEmpty();
        assertThat(find(r, "pii-access-restricted", "customers.customer_360", "marketing-analyst"))
                .isEmpty();
        assertThat(find(r, "pii-access-restricted", "customers.customer_profile", "privacy-officer"))
                .isEmpty();
        assertThat(r.coverage()).isEqualTo(new DriftReport.Coverage(2, 2, true));
    }

    @Test
    void should_except_covered_findings_reopen_expired_ones_and_report_unmatched_exceptions() {
        DriftReport r = drift("mesh", "meshpilot-scheduler").report();
        DriftFinding age = find(r, "pii-follows-lineage", "customers.customer_360", "column:age_band")
                .orElseThrow();
        assertThat(age.state()).isEqualTo("excepted");
        assertThat(age.open()).isFalse();
        assertThat(age.exception()).contains("hana").contains("2027-06-30");
        DriftFinding phone = find(r, "pii-follows-lineage", "customers.customer_360", "column:has_phone")
                .orElseThrow();
        assertThat(phone.open()).isTrue();
        assertThat(phone.exception()).startsWith("expired 2026-10-31");
        assertThat(r.exceptions())
                .extracting(DriftReport.ExceptionNote::product, DriftReport.ExceptionNote::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("customers.customer_360", "expired"),
                        org.assertj.core.groups.Tuple.tuple("marketing.audience_segments", "unmatched"));
    }

    @Test
    void should_read_every_page_of_a_large_previous_run_before_calling_its_findings_resolved() {
        String scope = "finance";
        DriftReport first = drift(scope, "meshpilot-scheduler").report();
        Instant seen = Instant.parse("2026-11-02T00:00:00Z");
        List<RecordedFinding> recorded = new ArrayList<>();
        first.findings()
                .forEach(f ->
                        recorded.add(new RecordedFinding(f.fingerprint(), "new", seen, f.level(), f.title(), "{}")));
        for (int i = 0; i < 450; i++) {
            recorded.add(new RecordedFinding(
                    String.format(java.util.Locale.ROOT, "gone%012d", i), "new", seen, "warn", "gone " + i, "{}"));
        }
        RecordedRun prev = new RecordedRun(null, "drift", scope, "meshpilot-scheduler", "test", seen, seen, "x");
        new RunLedger(demo.store).record(prev, "{}", recorded);

        AgentRun<DriftReport> second = drift(scope, "meshpilot-scheduler");
        assertThat(second.run().toolCalls())
                .filteredOn(c -> c.tool().equals("previous_findings"))
                .hasSize(3);
        assertThat(second.report().resolved()).hasSize(450);
        assertThat(second.report().findings())
                .isNotEmpty()
                .allMatch(f -> f.state().equals("persisting"));
        assertThat(second.report().coverage().complete()).isTrue();
    }

    @Test
    void should_say_the_run_is_incomplete_and_call_nothing_resolved_when_the_gate_cuts_a_page() {
        try (DemoTools small = new DemoTools(tmp.resolve("small"))) {
            small.with(
                    MeshTools.mesh(small.mesh),
                    Map.of(DriftAgent.NAME, DriftAgent.TOOLS),
                    new dev.meshpilot.sandbox.gate.Limits(50, 600, java.time.Duration.ofSeconds(10), 200, 2048));
            AgentRunner tight = new AgentRunner(small.gate, PromptRegistry.bundled(), Clock.systemUTC());
            DriftReport r = tight.run(
                            new DriftAgent(),
                            "mesh",
                            RunOptions.playbook(small.principals.resolve("meshpilot-scheduler")))
                    .report();
            assertThat(r.coverage().complete()).isFalse();
            assertThat(r.summary()).startsWith("INCOMPLETE: judged").contains("the gate cut a page");
            assertThat(r.resolved()).isEmpty();
        }
    }

    @Test
    void should_say_new_persisting_and_resolved_against_the_previous_recorded_run() {
        String scope = "payments";
        DriftReport first = drift(scope, "meshpilot-scheduler").report();
        assertThat(first.previousRun()).isNull();
        assertThat(first.findings()).allMatch(f -> f.state().equals("new"));
        Instant seen = Instant.parse("2026-11-01T00:00:00Z");
        List<RecordedFinding> recorded = new ArrayList<>();
        first.findings()
                .forEach(f ->
                        recorded.add(new RecordedFinding(f.fingerprint(), "new", seen, f.level(), f.title(), "{}")));
        recorded.add(new RecordedFinding("0000gone0000gone", "new", seen, "deny", "A grant since revoked", "{}"));
        RecordedRun prev = new RecordedRun(null, "drift", scope, "meshpilot-scheduler", "test", seen, seen, "x");
        RecordedRun saved = new RunLedger(demo.store).record(prev, "{}", recorded);

        DriftReport second = drift(scope, "meshpilot-scheduler").report();
        assertThat(second.previousRun()).isEqualTo(saved.id());
        assertThat(second.findings()).allSatisfy(f -> {
            assertThat(f.state()).isEqualTo("persisting");
            assertThat(f.firstSeen()).isEqualTo(seen);
        });
        assertThat(second.resolved())
                .extracting(DriftReport.Resolved::fingerprint)
                .containsExactly("0000gone0000gone");
        assertThat(second.counts()).containsEntry("resolved", 1).containsEntry("new", 0);
    }

    @Test
    void should_reopen_a_finding_that_was_excepted_last_run_when_its_exception_expired() {
        String fp = DriftFinding.fingerprint("pii-follows-lineage", "customers.customer_360", "column:has_phone");
        Instant seen = Instant.parse("2026-09-01T00:00:00Z");
        new RunLedger(demo.store)
                .record(
                        new RecordedRun(null, "drift", "customers", "meshpilot-scheduler", "test", seen, seen, "x"),
                        "{}",
                        List.of(new RecordedFinding(fp, "excepted", seen, "warn", "has_phone", "{}")));

        DriftReport r = drift("customers", "meshpilot-scheduler").report();
        DriftFinding phone = find(r, "pii-follows-lineage", "customers.customer_360", "column:has_phone")
                .orElseThrow();
        assertThat(phone.state()).isEqualTo("reopened");
        assertThat(phone.firstSeen()).isEqualTo(seen);
        assertThat(r.counts()).containsEntry("reopened", 1);
    }

    @Test
    void should_keep_the_same_fingerprint_for_the_same_policy_asset_and_subject() {
        assertThat(DriftFinding.fingerprint("p", "a.b", "x"))
                .isEqualTo(DriftFinding.fingerprint("p", "a.b", "x"))
                .hasSize(16)
                .isNotEqualTo(DriftFinding.fingerprint("p", "a.b", "y"));
    }

    @Test
    void should_name_the_domains_when_the_scope_matches_nothing() {
        assertThatThrownBy(() -> drift("shipping", "meshpilot-scheduler"))
                .isInstanceOf(MeshpilotException.class)
                .satisfies(e -> assertThat(((MeshpilotException) e).code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("customers");
    }

    @Test
    void should_check_without_escalating_when_the_principal_may_not_read_grants() {
        AgentRun<DriftReport> run = drift("mesh", "alice");
        assertThat(run.run().toolCalls())
                .filteredOn(c -> c.tool().equals("check_policies"))
                .extracting(RunInfo.ToolCall::status)
                .containsOnly("ok");
        assertThat(run.report().findings()).noneMatch(f -> f.kind().equals("access"));
        assertThat(run.report().findings()).anyMatch(f -> f.kind().equals("ownership"));
        assertThat(run.report().summary())
                .contains("pii-access-restricted not checked on")
                .contains("grants:read");
    }

    @Test
    void should_cite_only_evidence_ids_of_its_own_run() {
        AgentRun<DriftReport> run = drift("mesh", "meshpilot-scheduler");
        var known =
                run.run().toolCalls().stream().map(RunInfo.ToolCall::evidence).toList();
        assertThat(run.report().findings()).allSatisfy(f -> assertThat(known).containsAll(f.evidence()));
        assertThat(run.run().ungrounded()).isEmpty();
    }
}
