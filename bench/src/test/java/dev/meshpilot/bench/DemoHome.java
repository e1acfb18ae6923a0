package dev.meshpilot.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo mesh ({@code examples/acme-retail}) loaded once per test JVM into a temporary home; the calling test
 * is skipped when the checkout lacks it. Tests that change the store take a {@link #copy}.
 */
public final class DemoHome {
    static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");
    private static Path home;

    private DemoHome() {}

    /** The shared home (its store is {@code meshpilot.db}). */
    public static synchronized Path get() {
        assumeTrue(Files.isDirectory(DEMO), () -> "demo mesh not found at " + DEMO.toAbsolutePath() + ": skipping");
        if (home == null) {
            try {
                Path dir = Files.createTempDirectory("meshpilot-bench-test");
                MeshStore store = MeshStore.open(dir.resolve("meshpilot.db"));
                WorkspaceLoader.load(DEMO, store, Progress.NONE);
                store.useHandle(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
                home = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return home;
    }

    /** A store of its own in {@code dir}, holding the demo mesh. */
    public static MeshStore copy(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("meshpilot.db");
            Files.copy(get().resolve("meshpilot.db"), file);
            return MeshStore.open(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
