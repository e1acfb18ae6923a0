package dev.meshpilot.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.search.DocType;
import dev.meshpilot.mesh.search.SearchMode;
import dev.meshpilot.mesh.search.SearchQuery;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
