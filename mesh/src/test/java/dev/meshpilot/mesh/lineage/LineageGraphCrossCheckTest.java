package dev.meshpilot.mesh.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.WorkspaceGenerator;
import dev.meshpilot.mesh.lineage.LineageGraph.Direction;
import dev.meshpilot.mesh.lineage.LineageGraph.ProductHop;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property-style cross-check on a generated mesh (250 products, fan-in 4): for every product, both ways and
 * several depths, the graph reaches exactly the products {@link ProductLineage} finds in the store, at the
 * same depths, and each {@code via} is a real edge from the level before.
 */
class LineageGraphCrossCheckTest {
    @TempDir
    static Path tmp;

    static MeshStore store;
    static LineageGraph graph;
    static List<String> products;

    @BeforeAll
    static void generate() {
        Path ws = tmp.resolve("ws");
        new WorkspaceGenerator().generate(GeneratorSpec.of(250, 1, 17).withFanIn(4), ws, Progress.NONE);
        store = MeshStore.open(tmp.resolve("gen.db"));
        WorkspaceLoader.load(ws, store, Progress.NONE);
        graph = LineageGraph.load(store);
        products = store.withHandle(h -> h.createQuery("SELECT id FROM product ORDER BY id")
                .mapTo(String.class)
                .list());
    }

    @Test
    void should_hold_the_stored_edges_of_a_generated_mesh() {
        assertThat(graph.productCount()).isEqualTo(products.size()).isEqualTo(250);
        assertThat(graph.edgeCount()).isEqualTo(store.count("lineage_edge")).isGreaterThan(500);
        long productEdges = store.withHandle(h -> h.createQuery("SELECT count(*) FROM (SELECT DISTINCT p1.product_id, "
                        + "p2.product_id FROM product_port p1 JOIN lineage_edge e1 ON e1.dataset_namespace = "
                        + "p1.namespace AND e1.dataset_name = p1.name AND e1.direction = 'in' JOIN lineage_edge e2 ON "
                        + "e2.job_namespace = e1.job_namespace AND e2.job_name = e1.job_name AND e2.direction = 'out' "
                        + "JOIN product_port p2 ON p2.namespace = e2.dataset_namespace AND p2.name = e2.dataset_name "
                        + "WHERE p1.product_id <> p2.product_id) pairs")
                .mapTo(long.class)
                .one());
        assertThat(graph.productEdgeCount()).isEqualTo(productEdges);
    }

    @Test
    void should_equal_the_sql_walk_for_every_product_both_ways() {
        ProductLineage sql = new ProductLineage(store);
        int compared = 0;
        for (String p : products) {
            for (Direction d : Direction.values()) {
                for (int depth : new int[] {1, 3, 50}) {
                    List<ProductHop> fromGraph = graph.products(p, d, depth);
                    List<String> fromSql = sql.walk(p, ProductLineage.Direction.valueOf(d.name()), depth).stream()
                            .map(h -> h.productId() + "@" + h.depth())
                            .sorted()
                            .toList();
                    assertThat(fromGraph.stream()
                                    .map(h -> h.productId() + "@" + h.depth())
                                    .sorted())
                            .as("%s %s depth %d", p, d, depth)
                            .containsExactlyElementsOf(fromSql);
                    assertVias(p, d, fromGraph);
                    compared += fromSql.size();
                }
            }
        }
        assertThat(compared).as("the mesh has lineage worth comparing").isGreaterThan(10_000);
    }

    private static void assertVias(String start, Direction d, List<ProductHop> hops) {
        Map<String, Integer> depth = new HashMap<>(Map.of(start, 0));
        int last = 0;
        for (ProductHop hop : hops) {
            assertThat(hop.depth()).as("ordered by depth").isGreaterThanOrEqualTo(last);
            last = hop.depth();
            depth.put(hop.productId(), hop.depth());
        }
        for (ProductHop hop : hops) {
            assertThat(depth.get(hop.via())).as("via of %s", hop).isEqualTo(hop.depth() - 1);
            assertThat(graph.products(hop.via(), d, 1))
                    .extracting(ProductHop::productId)
                    .contains(hop.productId());
        }
    }
}
