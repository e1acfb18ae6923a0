package dev.meshpilot.mesh.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo mesh loaded into a fresh store; the calling test is skipped when the checkout lacks it. */
final class DemoMesh {
    static final Path ROOT = Path.of(System.getProperty("meshpilot.root", "../"));
    static final Path DEMO = ROOT.resolve("examples/acme-retail");
    static final Path QUERIES = ROOT.resolve("evals/search/acme-retail-queries.yaml");

    private DemoMesh() {}

    private static Path template;

    /**
     * A fresh store in {@code dir} holding the demo mesh: loaded once per test run, then copied (loading
     * replays thirty days of events and takes seconds).
     */
    static synchronized MeshStore copy(Path dir) {
        if (template == null) {
            try {
                Path t = Files.createTempDirectory("meshpilot-demo-store");
                MeshStore loaded = load(t);
                loaded.useHandle(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
                template = loaded.file();
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    t.resolve("meshpilot.db" + suffix).toFile().deleteOnExit();
                }
                t.toFile().deleteOnExit();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("meshpilot.db");
            Files.copy(template, file);
            return MeshStore.open(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static MeshStore load(Path dir) {
        assumeTrue(Files.isDirectory(DEMO), () -> "skipped: demo mesh not found at " + DEMO.toAbsolutePath());
        MeshStore store = MeshStore.open(dir.resolve("meshpilot.db"));
        WorkspaceLoader.load(DEMO, store, Progress.NONE);
        return store;
    }
}
