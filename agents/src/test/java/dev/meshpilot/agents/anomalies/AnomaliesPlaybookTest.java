package dev.meshpilot.agents.anomalies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.agents.anomalies.AnomaliesReport.Echo;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Group;
import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.tools.DemoTools;
import dev.meshpilot.tools.MeshTools;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo mesh's seeded anomalies (examples/acme-retail/README.md §3), through the real gate, tools and store. */
class AnomaliesPlaybookTest {
    @TempDir
    static Path tmp;

    static DemoTools demo;
    static AgentRunner runner;

    @BeforeAll
    static void setUp() {
        demo = new DemoTools(tmp);
        demo.with(MeshTools.mesh(demo.mesh), Map.of(AnomaliesAgent.NAME, AnomaliesAgent.TOOLS));
        runner = new AgentRunner(demo.gate, PromptRegistry.bundled(), Clock.systemUTC());
    }

    @AfterAll
    static void tearDown() {
        demo.close();
    }

    static AgentRun<AnomaliesReport> sweep(String scope, Instant since, Instant until) {
        return runner.run(
                new AnomaliesAgent(),
                new AnomalyQuery(scope, since, until),
                RunOptions.playbook(demo.principals.resolve("meshpilot-scheduler")));
    }

    static Optional<Group> rootedAt(List<Group> groups, String product, String metricPrefix) {
        return groups.stream()
                .filter(g ->
                        g.root().product().equals(product) && g.root().metric().startsWith(metricPrefix))
                .findFirst();
    }

    static List<String> echoes(Group g) {
        return g.echoes().stream().map(e -> e.anomaly().product()).toList();
    }

    @Test
    void should_root_the_volume_drop_at_orders_daily_with_revenue_and_attribution_as_echoes() {
        AnomaliesReport r = sweep(null, null, null).report();
        Group drop = rootedAt(r.groups(), "orders.orders_daily", "row_count").orElseThrow();
        assertThat(drop.root().kind()).isEqualTo("drop");
        assertThat(drop.root().since())
                .isBetween(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(drop.root().observed()).isEqualTo(136_770);
        assertThat(drop.root().low()).isGreaterThan(136_770);
        assertThat(drop.root().training()).isGreaterThanOrEqualTo(14);
        assertThat(echoes(drop)).containsExactlyInAnyOrder("finance.revenue_daily", "marketing.campaign_attribution");
        assertThat(drop.echoes()).extracting(Echo::hops).containsOnly(1);
        assertThat(r.groups())
                .as("orders.order_events is not blamed")
                .noneMatch(g -> g.root().product().equals("orders.order_events"));
        assertThat(drop.owner().team()).isEqualTo("orders-team");
        assertThat(drop.evidence()).isNotEmpty();
    }

    @Test
    void should_group_the_same_way_when_the_gate_lets_a_result_hold_few_items() {
        AnomaliesReport wide = sweep(null, null, null).report();
        demo.with(
                MeshTools.mesh(demo.mesh),
                Map.of(AnomaliesAgent.NAME, AnomaliesAgent.TOOLS),
                new dev.meshpilot.sandbox.gate.Limits(50, 600, java.time.Duration.ofSeconds(10), 16, 64 * 1024));
        try {
            AgentRun<AnomaliesReport> run = new AgentRunner(demo.gate, PromptRegistry.bundled(), Clock.systemUTC())
                    .run(
                            new AnomaliesAgent(),
                            new AnomalyQuery(null, null, null),
                            RunOptions.playbook(demo.principals.resolve("meshpilot-scheduler")));
            AnomaliesReport narrow = run.report();
            assertThat(run.run().toolCalls())
                    .as("pages asked no larger than the gate lets a result hold, so none is cut")
                    .filteredOn(
                            c -> c.tool().equals("lineage_links") || c.tool().equals("list_incidents"))
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo("ok"));
            Group drop = rootedAt(narrow.groups(), "orders.orders_daily", "row_count")
                    .orElseThrow();
            assertThat(echoes(drop))
                    .containsExactlyInAnyOrder("finance.revenue_daily", "marketing.campaign_attribution");
            assertThat(narrow.groups())
                    .extracting(g -> g.root().product() + " " + echoes(g))
                    .containsExactlyInAnyOrderElementsOf(wide.groups().stream()
                            .map(g -> g.root().product() + " " + echoes(g))
                            .toList());
        } finally {
            demo.with(MeshTools.mesh(demo.mesh), Map.of(AnomaliesAgent.NAME, AnomaliesAgent.TOOLS));
        }
    }

    @Test
    void should_root_the_email_null_explosion_at_customer_profile_with_customer_360_as_echo() {
        AnomaliesReport r = sweep(null, null, null).report();
        Group nulls = rootedAt(r.groups(), "customers.customer_profile", "null_rate:email")
                .orElseThrow();
        assertThat(nulls.root().kind()).isEqualTo("level_shift");
        assertThat(nulls.root().expected()).isLessThan(0.02);
        assertThat(nulls.root().observed()).isGreaterThan(0.3);
        assertThat(echoes(nulls)).containsExactly("customers.customer_360");
        assertThat(nulls.incidents()).isEmpty();
    }

    @Test
    void should_set_apart_the_late_runs_of_resolved_incidents_and_raise_nothing_for_peaks_or_the_ramp() {
        AnomaliesReport r = sweep(null, null, null).report();
        assertThat(r.explained()).extracting(Group::explainedBy).contains("INC-0999", "INC-1000");
        assertThat(r.groups())
                .as("no alert on a late run a resolved incident explains")
                .noneMatch(g -> g.root().family().equals("timing")
                        && List.of("customers.customer_360", "ml.support_kb_embeddings")
                                .contains(g.root().product()));
        assertThat(r.groups())
                .as("weekend peaks and the ramp-up are no spikes")
                .noneMatch(g -> g.root().kind().equals("spike")
                        && g.root().metric().equals("row_count")
                        && !g.root().product().equals("payments.refunds"));
    }

    @Test
    void should_link_the_late_revenue_flash_to_the_open_incident_on_transactions() {
        AnomaliesReport r = sweep(null, null, null).report();
        Group stale = rootedAt(r.groups(), "payments.transactions", "freshness").orElseThrow();
        assertThat(stale.incidents()).contains("INC-1001");
        assertThat(echoes(stale)).contains("finance.revenue_daily");
    }

    @Test
    void should_find_nothing_in_a_window_with_too_short_a_history() {
        AnomaliesReport r = sweep(null, Instant.parse("2026-10-27T00:00:00Z"), Instant.parse("2026-11-05T00:00:00Z"))
                .report();
        assertThat(r.groups()).isEmpty();
        assertThat(r.sweep().shortHistory()).isEqualTo(r.sweep().series());
        assertThat(r.summary()).startsWith("No anomaly");
    }

    @Test
    void should_keep_only_the_groups_that_touch_the_scope() {
        AnomaliesReport product = sweep("finance.revenue_daily", null, null).report();
        assertThat(product.groups())
                .allMatch(g -> g.root().product().equals("finance.revenue_daily")
                        || echoes(g).contains("finance.revenue_daily"));
        assertThat(rootedAt(product.groups(), "orders.orders_daily", "row_count"))
                .isPresent();
        AnomaliesReport domain = sweep("customers", null, null).report();
        assertThat(domain.groups()).extracting(g -> g.root().product()).containsExactly("customers.customer_profile");
    }

    @Test
    void should_say_what_to_give_when_the_scope_is_unknown() {
        assertThatThrownBy(() -> sweep("nope", null, null))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("no domain 'nope'");
        assertThatThrownBy(() -> sweep("orders.nope", null, null))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("orders.nope");
    }
}
