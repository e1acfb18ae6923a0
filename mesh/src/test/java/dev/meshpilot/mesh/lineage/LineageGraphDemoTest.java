package dev.meshpilot.mesh.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.lineage.LineageGraph.ColumnHop;
import dev.meshpilot.mesh.lineage.LineageGraph.Direction;
import dev.meshpilot.mesh.lineage.LineageGraph.ProductHop;
import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.openlineage.RunEventFiles;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph over the demo mesh (examples/acme-retail): its documented lineage, and agreement with the store. */
class LineageGraphDemoTest {
    static Path demo;

    @TempDir
    static Path tmp;

    static MeshStore store;
    static LineageGraph graph;
    static List<String> products;

    @BeforeAll
    static void load() {
        String root = System.getProperty("meshpilot.root");
        Assumptions.assumeTrue(root != null, "meshpilot.root is set by surefire");
        demo = Path.of(root, "examples", "acme-retail");
        store = MeshStore.open(tmp.resolve("demo.db"));
        WorkspaceLoader.load(demo, store, Progress.NONE);
        graph = LineageGraph.load(store);
        products = store.withHandle(h -> h.createQuery("SELECT id FROM product ORDER BY id")
                .mapTo(String.class)
                .list());
    }

    static List<String> ids(List<ProductHop> hops) {
        return hops.stream().map(ProductHop::productId).toList();
    }

    @Test
    void should_hold_every_product_and_every_stored_edge() {
        assertThat(graph.productCount()).isEqualTo(products.size()).isEqualTo(12);
        assertThat(graph.edgeCount()).isEqualTo(store.count("lineage_edge"));
        assertThat(graph.columnEdgeCount()).isEqualTo(store.count("column_lineage"));
        assertThat(graph.productEdgeCount())
                .as("the 14 edges the demo README lists")
                .isEqualTo(14);
    }

    @Test
    void inc_1001_blast_radius_downstream_of_transactions_includes_revenue_and_everything_under_customer_360() {
        List<ProductHop> down = graph.products("payments.transactions", Direction.DOWNSTREAM, 10);

        assertThat(down)
                .contains(
                        new ProductHop("finance.revenue_daily", 1, "payments.transactions"),
                        new ProductHop("customers.customer_360", 1, "payments.transactions"));
        assertThat(ids(down))
                .containsExactlyInAnyOrder(
                        "finance.revenue_daily",
                        "customers.customer_360",
                        "marketing.campaign_attribution",
                        "marketing.audience_segments",
                        "ml.churn_features",
                        "ml.support_kb_embeddings");
        assertThat(ids(graph.products("finance.revenue_daily", Direction.UPSTREAM, 5)))
                .containsExactly(
                        "orders.orders_daily", "payments.refunds", "payments.transactions", "orders.order_events");
    }

    @Test
    void should_equal_the_sql_walk_for_every_product_both_ways_and_every_depth() {
        ProductLineage sql = new ProductLineage(store);
        for (String p : products) {
            for (Direction d : Direction.values()) {
                for (int depth : new int[] {1, 2, 10}) {
                    List<ProductHop> fromGraph = graph.products(p, d, depth);
                    List<String> fromSql = sql.walk(p, ProductLineage.Direction.valueOf(d.name()), depth).stream()
                            .map(h -> h.productId() + "@" + h.depth())
                            .sorted()
                            .toList();
                    assertThat(fromGraph.stream()
                                    .map(h -> h.productId() + "@" + h.depth())
                                    .sorted())
                            .as("%s %s %d", p, d, depth)
                            .containsExactlyElementsOf(fromSql);
                }
            }
        }
    }

    @Test
    void migration_consumers_of_customer_profile_phone_are_found_down_to_the_column() {
        List<ColumnHop> down = graph.columns("customers.customer_profile", "phone", Direction.DOWNSTREAM, 10);

        assertThat(down).first().satisfies(hop -> {
            assertThat(hop.column().productId()).isEqualTo("customers.customer_360");
            assertThat(hop.column().column()).isEqualTo("has_phone");
            assertThat(hop.depth()).isEqualTo(1);
            assertThat(hop.via().column()).isEqualTo("phone");
            assertThat(hop.transformation()).isNotBlank();
        });
        assertThat(graph.columns("customers.customer_360", "age_band", Direction.UPSTREAM, 10))
                .extracting(h -> h.column().productId() + "." + h.column().column())
                .contains("customers.customer_profile.birth_date");
    }

    @Test
    void applying_every_demo_event_to_a_graph_without_lineage_gives_the_loaded_graph() throws IOException {
        MeshStore bare = MeshStore.open(tmp.resolve("bare.db"));
        WorkspaceLoader.load(demo, bare, Progress.NONE);
        bare.useHandle(h -> {
            h.execute("DELETE FROM lineage_edge");
            h.execute("DELETE FROM column_lineage");
        });
        LineageGraph rebuilt = LineageGraph.load(bare);
        assertThat(rebuilt.edgeCount()).isZero();
        List<RunEvent> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(demo.resolve("observed/events"))) {
            files.sorted().forEach(f -> events.addAll(RunEventFiles.read(f)));
        }

        rebuilt.apply(events);
        rebuilt.apply(events.subList(0, events.size() / 2));

        List<String> columns = store.withHandle(h -> h.createQuery("SELECT DISTINCT p.product_id || ' ' || c.out_field "
                        + "FROM column_lineage c JOIN product_port p ON p.namespace = c.out_namespace "
                        + "AND p.name = c.out_name ORDER BY 1")
                .mapTo(String.class)
                .list());
        assertThat(columns).hasSizeGreaterThan(10);
        assertThat(rebuilt.edgeCount()).isEqualTo(graph.edgeCount());
        assertThat(rebuilt.columnEdgeCount()).isEqualTo(graph.columnEdgeCount());
        assertThat(rebuilt.datasetCount()).isEqualTo(graph.datasetCount());
        assertThat(LineageFixtures.everyClosure(rebuilt, products))
                .isEqualTo(LineageFixtures.everyClosure(graph, products));
        assertThat(LineageFixtures.columnClosures(rebuilt, columns))
                .isEqualTo(LineageFixtures.columnClosures(graph, columns));
    }
}
