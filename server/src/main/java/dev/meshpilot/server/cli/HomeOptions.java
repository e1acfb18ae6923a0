package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --home} option every command takes: the folder that holds the store and the index. */
public final class HomeOptions {
    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = "Meshpilot's home folder (default: $MESHPILOT_HOME, else ~/.meshpilot).")
    Path home;

    public Path home() {
        if (home != null) {
            return home;
        }
        String env = System.getenv("MESHPILOT_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".meshpilot");
    }

    public MeshStore openStore() {
        return MeshStore.open(home().resolve("meshpilot.db"));
    }
}
