package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The home {@code meshpilot demo} loads into, which is the ordinary home (so every documented follow-up command
 * reads it): its store is recreated on each run, but only when demo loaded the mesh it holds. Demo records the
 * store's load stamp ({@code mesh_info.loaded_at}) in {@code <home>/.demo}; a mesh loaded since by {@code
 * meshpilot load} has another stamp, and demo refuses to replace it.
 */
final class DemoHome {
    static final String MARKER = ".demo";

    private DemoHome() {}

    /** Deletes the home's store so demo can load afresh; fails when it holds a mesh demo did not load. */
    static void reset(Path home) {
        Path db = home.resolve(HomeOptions.STORE);
        Optional<MeshStore.LoadedMesh> mesh = MeshStore.loadedMesh(db);
        if (mesh.isPresent() && !mesh.get().loadedAt().equals(marker(home))) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    home + " holds the mesh '" + mesh.get().name() + "', which 'meshpilot demo' did not load and will "
                            + "not replace: give the demo its own home with --home DIR (and pass the same --home to "
                            + "the commands that follow)");
        }
        try {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
        } catch (IOException e) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED, "cannot reset the demo store " + db + ": " + e.getMessage(), e);
        }
    }

    /** Records that demo loaded the mesh the store now holds. */
    static void mark(Path home, MeshStore store) {
        try {
            Files.writeString(home.resolve(MARKER), store.loadedAt(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED, "cannot write " + home.resolve(MARKER) + ": " + e.getMessage(), e);
        }
    }

    private static String marker(Path home) {
        try {
            Path f = home.resolve(MARKER);
            return Files.isRegularFile(f)
                    ? Files.readString(f, StandardCharsets.UTF_8).strip()
                    : "";
        } catch (IOException e) {
            return "";
        }
    }
}
