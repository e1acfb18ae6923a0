package dev.meshpilot.mesh.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.lineage.LineageGraph.Direction;
import dev.meshpilot.mesh.lineage.LineageGraph.ProductHop;
import dev.meshpilot.mesh.lineage.UpstreamHealth.Status;
import dev.meshpilot.mesh.lineage.UpstreamHealth.Suspect;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The earliest failing or late ancestor on the demo mesh, at its frozen clock 2026-11-25T09:00Z. */
class UpstreamHealthDemoTest {
    static final Instant AS_OF = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    static Path tmp;

    static MeshStore store;
    static UpstreamHealth health;

    @BeforeAll
    static void load() {
        String root = System.getProperty("meshpilot.root");
        Assumptions.assumeTrue(root != null, "meshpilot.root is set by surefire");
        store = MeshStore.open(tmp.resolve("demo.db"));
        WorkspaceLoader.load(Path.of(root, "examples", "acme-retail"), store, Progress.NONE);
        health = new UpstreamHealth(store, LineageGraph.load(store));
    }

    @Test
    void inc_1001_late_revenue_points_at_the_failed_transactions_load_first() {
        List<Suspect> suspects = health.suspects("finance.revenue_daily", AS_OF, 10);

        Suspect first = suspects.get(0);
        assertThat(first.productId()).isEqualTo("payments.transactions");
        assertThat(first.status()).isEqualTo(Status.FAILED_AND_LATE);
        assertThat(first.root()).isTrue();
        assertThat(first.depth()).isEqualTo(1);
        assertThat(first.path()).containsExactly("finance.revenue_daily", "payments.transactions");
        assertThat(first.lastRunState()).isEqualTo("FAILED");
        assertThat(first.lastRunAt()).isBetween(Instant.parse("2026-11-25T01:00:00Z"), AS_OF);
        assertThat(first.errorMessage()).contains("card_number");
        assertThat(first.lastSuccessAt())
                .isBetween(Instant.parse("2026-11-24T01:00:00Z"), Instant.parse("2026-11-24T02:00:00Z"));
        assertThat(first.lateBy()).isBetween(Duration.ofHours(5), Duration.ofHours(6));
        assertThat(suspects).extracting(Suspect::productId).doesNotContain("payments.refunds");
    }

    @Test
    void a_suspect_two_hops_up_keeps_its_path_and_consumers_of_customer_360_see_it() {
        List<Suspect> suspects = health.suspects("marketing.audience_segments", AS_OF, 10);

        assertThat(suspects).first().satisfies(s -> {
            assertThat(s.productId()).isEqualTo("payments.transactions");
            assertThat(s.root()).isTrue();
            assertThat(s.path())
                    .containsExactly("marketing.audience_segments", "customers.customer_360", "payments.transactions");
        });
    }

    @Test
    void orders_daily_is_late_against_its_hourly_slo_but_ranks_after_the_failed_load() {
        List<Suspect> suspects = health.suspects("finance.revenue_daily", AS_OF, 10);

        assertThat(suspects)
                .extracting(Suspect::productId, Suspect::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("payments.transactions", Status.FAILED_AND_LATE),
                        org.assertj.core.groups.Tuple.tuple("orders.orders_daily", Status.LATE));
    }

    @Test
    void inc_1002_duplicate_refunds_leave_no_run_signal_so_refunds_is_upstream_but_not_a_suspect() {
        Instant dayOfIncident = Instant.parse("2026-11-24T05:00:00Z");
        List<ProductHop> upstream = LineageGraph.load(store).products("finance.revenue_daily", Direction.UPSTREAM, 1);

        assertThat(upstream).extracting(ProductHop::productId).contains("payments.refunds");
        assertThat(health.suspects("finance.revenue_daily", dayOfIncident, 10))
                .extracting(Suspect::productId)
                .doesNotContain("payments.refunds", "payments.transactions");
    }

    @Test
    void a_product_with_no_failing_or_late_ancestor_has_no_suspects() {
        assertThat(health.suspects("orders.order_events", AS_OF, 10)).isEmpty();
        assertThat(health.suspects("payments.transactions", AS_OF, 10)).isEmpty();
    }
}
