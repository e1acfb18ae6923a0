package dev.meshpilot.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.openlineage.LineageIngestor;
import dev.meshpilot.mesh.openlineage.RunEventParser;
import dev.meshpilot.mesh.search.DocType;
import dev.meshpilot.mesh.search.SearchMode;
import dev.meshpilot.mesh.search.SearchQuery;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long-running sandbox follows workspace loads made by another process (as `meshpilot load` next to a server). */
class SandboxTest {
    static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");

    @TempDir
    Path tmp;

    @Test
    void should_sync_its_index_and_reload_its_graph_after_a_load_by_someone_else() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DEMO), "no demo mesh at " + DEMO);
        Path ws = tmp.resolve("ws");
        copy(DEMO, ws);
        Path home = tmp.resolve("home");
        MeshStore store = MeshStore.open(home.resolve("meshpilot.db"));
        WorkspaceLoader.load(ws, store, Progress.NONE);
        try (Sandbox sandbox = Sandbox.open(home, store)) {
            SearchQuery query = new SearchQuery(
                    "zebra crossing quarantine procedure", Set.of(DocType.RUNBOOK), Set.of(), 3, SearchMode.BM25);
            assertThat(sandbox.mesh().search().search(query))
                    .extracting(h -> h.id())
                    .doesNotContain("RB-zebra");
            int products = sandbox.mesh().lineage().productCount();

            Files.writeString(ws.resolve("runbooks/zebra.md"), """
                    ---
                    id: RB-zebra
                    title: Zebra crossing quarantine procedure
                    appliesTo:
                      errorClasses: [unknown]
                    tags: [zebra]
                    ---
                    # When to use

                    1. Quarantine the zebra crossing partition.
                    """);
            MeshStore other = MeshStore.open(home.resolve("meshpilot.db")); // another process's view of the store
            WorkspaceLoader.load(ws, other, Progress.NONE);

            assertThat(sandbox.mesh().search().search(query))
                    .extracting(h -> h.id())
                    .contains("RB-zebra");
            assertThat(sandbox.mesh().lineage().productCount()).isEqualTo(products);
        }
    }

    @Test
    void should_apply_events_another_process_ingested_to_its_graph_when_no_load_happened() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DEMO), "no demo mesh at " + DEMO);
        Path home = tmp.resolve("home");
        MeshStore store = MeshStore.open(home.resolve("meshpilot.db"));
        WorkspaceLoader.load(DEMO, store, Progress.NONE);
        try (Sandbox sandbox = Sandbox.open(home, store)) {
            long edges = sandbox.mesh().lineage().edgeCount();
            int datasets = sandbox.mesh().lineage().datasetCount();

            MeshStore other = MeshStore.open(home.resolve("meshpilot.db")); // another replica's view of the store
            new LineageIngestor().ingest(other, List.of(RunEventParser.parse("""
                    {"eventType":"COMPLETE","eventTime":"2026-12-07T10:00:00Z",\
                    "run":{"runId":"0193a5f0-0000-7000-8000-000000000001"},\
                    "job":{"namespace":"feed-test","name":"copy_zebras"},\
                    "inputs":[{"namespace":"feed-test","name":"zebras_raw"}],\
                    "outputs":[{"namespace":"feed-test","name":"zebras_clean"}],\
                    "producer":"https://example.com/feed-test",\
                    "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"}""")));

            assertThat(sandbox.mesh().lineage().datasetCount()).isEqualTo(datasets + 2);
            assertThat(sandbox.mesh().lineage().edgeCount()).isGreaterThan(edges);
        }
    }

    @Test
    void should_index_an_incident_another_process_opened_by_ingest_when_no_load_happened() {
        Assumptions.assumeTrue(Files.isDirectory(DEMO), "no demo mesh at " + DEMO);
        Path home = tmp.resolve("home");
        MeshStore store = MeshStore.open(home.resolve("meshpilot.db"));
        WorkspaceLoader.load(DEMO, store, Progress.NONE);
        try (Sandbox sandbox = Sandbox.open(home, store)) {
            SearchQuery query =
                    new SearchQuery("zebra stampede overflow", Set.of(DocType.INCIDENT), Set.of(), 5, SearchMode.BM25);
            assertThat(sandbox.mesh().search().search(query)).isEmpty();

            MeshStore other = MeshStore.open(home.resolve("meshpilot.db")); // another replica's view of the store
            List<String> port = other.withHandle(h -> h.createQuery(
                            "SELECT namespace, name FROM product_port WHERE product_id = 'orders.orders_daily' LIMIT 1")
                    .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2)))
                    .one());
            new LineageIngestor()
                    .ingest(other, List.of(RunEventParser.parse(("""
                    {"eventType":"FAIL","eventTime":"2026-12-07T10:00:00Z",                    "run":{"runId":"0193a5f0-0000-7000-8000-000000000002","facets":{"errorMessage":{                    "_producer":"https://example.com/feed-test",                    "_schemaURL":"https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json",                    "message":"zebra stampede overflow in partition 7","programmingLanguage":"SQL"}}},                    "job":{"namespace":"feed-test","name":"orders_daily_load"},                    "inputs":[],"outputs":[{"namespace":"%s","name":"%s"}],                    "producer":"https://example.com/feed-test",                    "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"}""").formatted(port.get(0), port.get(1)))));
            List<String> opened = other.withHandle(
                    h -> h.createQuery("SELECT id FROM incident WHERE description LIKE '%zebra stampede%'")
                            .mapTo(String.class)
                            .list());
            assertThat(opened)
                    .as("the other process's ingest opened an incident")
                    .hasSize(1);

            assertThat(sandbox.mesh().search().search(query))
                    .extracting(h -> h.id())
                    .contains(opened.getFirst());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }
}
