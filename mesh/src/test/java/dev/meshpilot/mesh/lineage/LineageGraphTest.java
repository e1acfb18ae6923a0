package dev.meshpilot.mesh.lineage;

import static dev.meshpilot.mesh.lineage.LineageFixtures.event;
import static dev.meshpilot.mesh.lineage.LineageFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.lineage.LineageGraph.ColumnHop;
import dev.meshpilot.mesh.lineage.LineageGraph.ColumnRef;
import dev.meshpilot.mesh.lineage.LineageGraph.Direction;
import dev.meshpilot.mesh.lineage.LineageGraph.ProductHop;
import dev.meshpilot.mesh.openlineage.LineageIngestor;
import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graph on a small hand-made mesh: a.one → a.two → b.three (through job j1, then j2, which also reads an
 * unmapped scratch table), c.four with no lineage; column lineage a2.x ← a1.x, b3.y ← a2.x.
 */
class LineageGraphTest {
    static final List<String> PRODUCTS = List.of("a.one", "a.two", "b.three", "c.four");

    @TempDir
    Path tmp;

    MeshStore store;
    final LineageIngestor ingestor = new LineageIngestor();

    @BeforeEach
    void mesh() {
        store = MeshStore.open(tmp.resolve("m.db"));
        product(store, "a.one", "ns", "a1");
        product(store, "a.two", "ns", "a2");
        product(store, "b.three", "ns", "b3");
        product(store, "c.four", "ns", "c4");
        ingestor.ingest(
                store,
                List.of(
                        event(
                                "COMPLETE",
                                "2026-11-24T01:00:00Z",
                                "j1",
                                List.of("ns/a1"),
                                List.of("ns/a2"),
                                "x<-ns/a1.x:DIRECT/IDENTITY"),
                        event(
                                "COMPLETE",
                                "2026-11-24T02:00:00Z",
                                "j2",
                                List.of("ns/a2", "raw/scratch"),
                                List.of("ns/b3"),
                                "y<-ns/a2.x:INDIRECT/AGGREGATION",
                                "z<-raw/scratch.z:DIRECT/IDENTITY")));
    }

    @Test
    void should_walk_products_both_ways_at_shortest_depth_with_the_nearer_product_as_via() {
        LineageGraph graph = LineageGraph.load(store);

        assertThat(graph.products("a.one", Direction.DOWNSTREAM, 10))
                .containsExactly(new ProductHop("a.two", 1, "a.one"), new ProductHop("b.three", 2, "a.two"));
        assertThat(graph.products("b.three", Direction.UPSTREAM, 10))
                .containsExactly(new ProductHop("a.two", 1, "b.three"), new ProductHop("a.one", 2, "a.two"));
        assertThat(graph.products("a.one", Direction.DOWNSTREAM, 1))
                .extracting(ProductHop::productId)
                .containsExactly("a.two");
        assertThat(graph.products("a.one", Direction.DOWNSTREAM, 0)).isEmpty();
        assertThat(graph.products("c.four", Direction.UPSTREAM, 10)).isEmpty();
        assertThat(graph.productCount()).isEqualTo(4);
        assertThat(graph.edgeCount()).isEqualTo(store.count("lineage_edge")).isEqualTo(5);
        assertThat(graph.productEdgeCount()).isEqualTo(2);
        assertThat(graph.columnEdgeCount())
                .isEqualTo(store.count("column_lineage"))
                .isEqualTo(3);
        assertThat(graph.contains("a.one")).isTrue();
        assertThat(graph.contains("nope.nope")).isFalse();
    }

    @Test
    void should_refuse_an_unknown_product_and_a_negative_depth_with_stable_codes() {
        LineageGraph graph = LineageGraph.load(store);

        assertThatThrownBy(() -> graph.products("nope.nope", Direction.UPSTREAM, 3))
                .isInstanceOfSatisfying(
                        MeshpilotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("nope.nope");
        assertThatThrownBy(() -> graph.columns("a.one", "x", Direction.UPSTREAM, -1))
                .isInstanceOfSatisfying(
                        MeshpilotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE));
    }

    @Test
    void should_follow_column_lineage_through_products_and_unmapped_datasets() {
        LineageGraph graph = LineageGraph.load(store);
        ColumnRef a1x = new ColumnRef("a.one", "ns", "a1", "x");
        ColumnRef a2x = new ColumnRef("a.two", "ns", "a2", "x");

        assertThat(graph.columns("a.one", "x", Direction.DOWNSTREAM, 10))
                .containsExactly(
                        new ColumnHop(a2x, 1, a1x, "DIRECT/IDENTITY"),
                        new ColumnHop(new ColumnRef("b.three", "ns", "b3", "y"), 2, a2x, "INDIRECT/AGGREGATION"));
        assertThat(graph.columns("b.three", "z", Direction.UPSTREAM, 10))
                .containsExactly(new ColumnHop(
                        new ColumnRef(null, "raw", "scratch", "z"),
                        1,
                        new ColumnRef("b.three", "ns", "b3", "z"),
                        "DIRECT/IDENTITY"));
        assertThat(graph.columns("a.one", "no_such_column", Direction.DOWNSTREAM, 10))
                .isEmpty();
    }

    @Test
    void should_add_an_edge_from_a_new_event_and_change_nothing_on_replay() {
        LineageGraph graph = LineageGraph.load(store);
        RunEvent e = event(
                "START",
                "2026-11-25T03:00:00Z",
                "j3",
                List.of("ns/b3", "raw/new_source"),
                List.of("ns/c4"),
                "w<-ns/b3.y:DIRECT/IDENTITY");

        graph.apply(List.of(e));
        long edges = graph.edgeCount();
        long columnEdges = graph.columnEdgeCount();
        List<String> closures = LineageFixtures.everyClosure(graph, PRODUCTS);
        graph.apply(List.of(e, e));
        ingestor.ingest(store, List.of(e));

        assertThat(graph.products("a.one", Direction.DOWNSTREAM, 10)).contains(new ProductHop("c.four", 3, "b.three"));
        assertThat(graph.columns("a.one", "x", Direction.DOWNSTREAM, 10))
                .extracting(h -> h.column().productId() + "." + h.column().column() + "@" + h.depth())
                .containsExactly("a.two.x@1", "b.three.y@2", "c.four.w@3");
        assertThat(graph.edgeCount()).isEqualTo(edges).isEqualTo(8);
        assertThat(graph.columnEdgeCount()).isEqualTo(columnEdges).isEqualTo(4);
        assertThat(LineageFixtures.everyClosure(graph, PRODUCTS)).isEqualTo(closures);
        LineageGraph reloaded = LineageGraph.load(store);
        assertThat(reloaded.edgeCount()).isEqualTo(graph.edgeCount()).isEqualTo(store.count("lineage_edge"));
        assertThat(LineageFixtures.everyClosure(reloaded, PRODUCTS)).isEqualTo(closures);
        assertThat(graph.datasetCount()).isEqualTo(reloaded.datasetCount()).isEqualTo(6);
    }

    @Test
    void should_never_list_the_start_product_on_a_cycle() {
        LineageGraph graph = LineageGraph.load(store);
        graph.apply(List.of(event("COMPLETE", "2026-11-25T03:00:00Z", "j3", List.of("ns/b3"), List.of("ns/a1"))));

        assertThat(graph.products("a.one", Direction.DOWNSTREAM, 10))
                .containsExactly(new ProductHop("a.two", 1, "a.one"), new ProductHop("b.three", 2, "a.two"));
        assertThat(graph.products("a.one", Direction.UPSTREAM, 10))
                .containsExactly(new ProductHop("b.three", 1, "a.one"), new ProductHop("a.two", 2, "b.three"));
    }

    @Test
    void should_pick_the_smallest_nearer_product_as_via_when_two_reach_a_product_at_the_same_depth() {
        product(store, "a.zero", "ns", "a0");
        LineageGraph graph = LineageGraph.load(store);
        graph.apply(List.of(
                event("COMPLETE", "2026-11-25T03:00:00Z", "j0", List.of("ns/a0"), List.of("ns/a1", "ns/a2")),
                event("COMPLETE", "2026-11-25T03:00:00Z", "j4", List.of("ns/a1", "ns/a2"), List.of("ns/c4"))));

        assertThat(graph.products("a.zero", Direction.DOWNSTREAM, 10))
                .containsExactly(
                        new ProductHop("a.one", 1, "a.zero"),
                        new ProductHop("a.two", 1, "a.zero"),
                        new ProductHop("b.three", 2, "a.two"),
                        new ProductHop("c.four", 2, "a.one"));
    }

    @Test
    void should_map_a_dataset_to_a_product_after_a_reload_adds_the_port() {
        LineageGraph graph = LineageGraph.load(store);
        assertThat(graph.products("b.three", Direction.UPSTREAM, 10))
                .extracting(ProductHop::productId)
                .doesNotContain("c.four");
        product(store, "c.five", "raw", "scratch");

        graph.reload(store);

        assertThat(graph.products("b.three", Direction.UPSTREAM, 10))
                .extracting(ProductHop::productId)
                .containsExactly("a.two", "c.five", "a.one");
        assertThat(graph.columns("b.three", "z", Direction.UPSTREAM, 1))
                .extracting(h -> h.column().productId())
                .containsExactly("c.five");
        assertThat(graph.productCount()).isEqualTo(5);
    }
}
