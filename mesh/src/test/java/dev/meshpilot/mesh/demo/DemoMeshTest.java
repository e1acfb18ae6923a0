package dev.meshpilot.mesh.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.incident.Incidents;
import dev.meshpilot.mesh.lineage.ProductLineage;
import dev.meshpilot.mesh.lineage.ProductLineage.Direction;
import dev.meshpilot.mesh.lineage.ProductLineage.Hop;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.LoadResult;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo mesh loads, and each of its five seeded situations is visible in the store. */
class DemoMeshTest {
    static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");

    @TempDir
    static Path tmp;

    static MeshStore store;
    static LoadResult loaded;

    @BeforeAll
    static void load() {
        store = MeshStore.open(tmp.resolve("meshpilot.db"));
        loaded = WorkspaceLoader.load(DEMO, store, Progress.NONE);
    }

    /** One value of a product's dataset metric at a day, through the product's output port. */
    static double metric(String product, String metric, String column, String day) {
        return store.withHandle(h -> h.createQuery("SELECT m.value FROM metric_point m JOIN product_port p "
                        + "ON p.namespace = m.dataset_namespace AND p.name = m.dataset_name "
                        + "WHERE p.product_id = ? AND m.metric = ? AND m.column_name = ? AND substr(m.ts, 1, 10) = ? "
                        + "ORDER BY m.ts DESC LIMIT 1")
                .bind(0, product)
                .bind(1, metric)
                .bind(2, column)
                .bind(3, day)
                .mapTo(double.class)
                .one());
    }

    static int count(String sql) {
        return store.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    static String lastSuccess(String product) {
        return store.withHandle(h -> h.createQuery("SELECT max(r.ended_at) FROM run r JOIN lineage_edge e "
                        + "ON e.job_namespace = r.job_namespace AND e.job_name = r.job_name AND e.direction = 'out' "
                        + "JOIN product_port p ON p.namespace = e.dataset_namespace AND p.name = e.dataset_name "
                        + "WHERE p.product_id = ? AND r.state = 'COMPLETED'")
                .bind(0, product)
                .mapTo(String.class)
                .one());
    }

    @Test
    void should_load_a_realistic_mesh_with_thirty_days_of_runs() {
        assertThat(loaded.products()).isBetween(11, 14);
        assertThat(loaded.domains()).isEqualTo(7);
        assertThat(loaded.events()).isGreaterThan(12 * 30);
        assertThat(new Incidents(store).list(false)).hasSizeGreaterThanOrEqualTo(20);
        assertThat(store.count("column_lineage")).isPositive();
        assertThat(new Products(store)
                        .get("finance.revenue_daily")
                        .orElseThrow()
                        .slos())
                .anySatisfy(slo -> assertThat(slo.kind()).isEqualTo("freshness"));
    }

    @Test
    void situation_1_transactions_fail_on_a_schema_mismatch_and_revenue_is_late() {
        Incident inc = new Incidents(store).get("INC-1001").orElseThrow();

        assertThat(inc.isOpen()).isTrue();
        assertThat(inc.productId()).isEqualTo("payments.transactions");
        assertThat(inc.errorClass()).isEqualTo("schema_mismatch");
        assertThat(inc.eventCount())
                .as("the FAIL event updated the open incident")
                .isGreaterThan(1);
        String failure = store.withHandle(h -> h.createQuery("SELECT r.error_message FROM run r JOIN lineage_edge e "
                        + "ON e.job_namespace = r.job_namespace AND e.job_name = r.job_name AND e.direction = 'out' "
                        + "WHERE e.dataset_name = 'acme.payments.transactions' AND r.state = 'FAILED'")
                .mapTo(String.class)
                .one());
        assertThat(failure).containsIgnoringCase("card_number");
        assertThat(lastSuccess("finance.revenue_daily")).isLessThan("2026-11-25");
        List<String> upstream = new ProductLineage(store)
                .walk("finance.revenue_daily", Direction.UPSTREAM, 5).stream()
                        .map(Hop::productId)
                        .toList();
        assertThat(upstream).contains("payments.transactions", "payments.refunds", "orders.orders_daily");
    }

    @Test
    void situation_2_revenue_fails_a_quality_check_because_refunds_have_duplicate_keys() {
        Incident inc = new Incidents(store).get("INC-1002").orElseThrow();

        assertThat(inc.isOpen()).isTrue();
        assertThat(inc.productId()).isEqualTo("finance.revenue_daily");
        assertThat(inc.fingerprint()).isEqualTo("quality_failed:finance.revenue_daily:revenue_non_negative");
        List<Map<String, Object>> failed = store.withHandle(
                h -> h.createQuery("SELECT dataset_name, assertion FROM quality_result WHERE success = 0")
                        .mapToMap()
                        .list());
        assertThat(failed).anySatisfy(r -> assertThat(r).containsEntry("assertion", "revenue_non_negative"));
        double rows = metric("payments.refunds", "row_count", "", "2026-11-24");
        double distinctKeys = metric("payments.refunds", "distinct_count", "refund_id", "2026-11-24");
        assertThat(distinctKeys).as("duplicate refund_id upstream").isLessThan(rows * 0.95);
        assertThat(store.count("incident"))
                .as("the failed assertion updated INC-1002, opened nothing new")
                .isEqualTo(new Incidents(store).list(false).size());
    }

    @Test
    void situation_3_volume_drop_and_null_explosion_echoed_downstream() {
        double before = metric("orders.orders_daily", "row_count", "", "2026-11-19");
        double drop = metric("orders.orders_daily", "row_count", "", "2026-11-20");
        assertThat(drop / before).isBetween(0.3, 0.5);

        for (String product : List.of("customers.customer_profile", "customers.customer_360")) {
            double rateBefore = metric(product, "null_count", "email", "2026-11-16")
                    / metric(product, "row_count", "", "2026-11-16");
            double rateAfter = metric(product, "null_count", "email", "2026-11-18")
                    / metric(product, "row_count", "", "2026-11-18");
            assertThat(rateBefore).as(product).isLessThan(0.03);
            assertThat(rateAfter).as(product).isBetween(0.25, 0.45);
        }
        assertThat(new ProductLineage(store).walk("customers.customer_profile", Direction.DOWNSTREAM, 1))
                .extracting(Hop::productId)
                .contains("customers.customer_360");
    }

    @Test
    void situation_4_a_proposed_customer_profile_v2_sits_beside_the_active_v1() {
        List<Map<String, Object>> versions = store.withHandle(h -> h.createQuery(
                        "SELECT version, status, document_json FROM contract WHERE id = 'customers.customer_profile' "
                                + "ORDER BY version")
                .mapToMap()
                .list());

        assertThat(versions).hasSize(2);
        assertThat(versions.get(0)).containsEntry("status", "active");
        assertThat(versions.get(1)).containsEntry("version", "2.0.0").containsEntry("status", "proposed");
        String v2 = (String) versions.get(1).get("document_json");
        assertThat(v2).contains("phone_number").contains("loyalty_tier").doesNotContain("\"name\":\"phone\"");
    }

    @Test
    void situation_5_declared_and_observed_state_drift_apart() {
        int wholeTableGrant = count("SELECT count(*) FROM observed_grant WHERE principal = 'marketing-analyst' "
                + "AND product_id = 'customers.customer_profile' AND columns_json IS NULL");
        int undeclaredColumn = count("SELECT count(*) FROM observed_schema WHERE product_id = "
                + "'payments.transactions' AND column_name = 'card_number'");
        assertThat(wholeTableGrant).isEqualTo(1);
        assertThat(undeclaredColumn).isEqualTo(1);
        String oldest = store.withHandle(h -> h.createQuery("SELECT oldest_partition FROM observed_retention "
                        + "WHERE product_id = 'payments.transactions'")
                .mapTo(String.class)
                .one());
        assertThat(java.time.LocalDate.parse(oldest))
                .isBefore(java.time.LocalDate.parse("2024-11-25").plusDays(60));
        assertThat(lastSuccess("orders.orders_daily")).startsWith("2026-11-25T03:");
        assertThat(new Products(store)
                        .get("inventory.stock_levels")
                        .orElseThrow()
                        .ownerDeclared())
                .isFalse();
        assertThat(store.count("policy")).isGreaterThanOrEqualTo(5);
    }
}
