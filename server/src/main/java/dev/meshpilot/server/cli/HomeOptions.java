package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.Dialect;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.store.StoreLocation;
import dev.meshpilot.server.config.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --home} option every command takes: the folder that holds the store and the index. Commands that
 * read the mesh open it with {@link #openStore()}, which creates nothing and fails with {@link ErrorCode#NO_MESH}
 * (exit 2) on a home with no mesh loaded; only commands that load ({@code load}, {@code demo}, {@code
 * generate}) create a home, with {@link #createStore()}. The store is the home's SQLite file unless
 * {@code $MESHPILOT_STORE_URL} (or {@code store.url} of a command's {@code --config}) names a PostgreSQL
 * database ({@link StoreLocation}); the index and the sample warehouse stay in the home either way.
 */
public final class HomeOptions {
    static final String STORE = "meshpilot.db";

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = "Meshpilot's home folder (default: $MESHPILOT_HOME, else ~/.meshpilot).")
    Path home;

    /** {@code store.url} of the command's config file, if it has one and says so. */
    private String configuredUrl;

    public Path home() {
        return home != null ? home : defaultHome();
    }

    /** {@code $MESHPILOT_HOME}, else {@code ~/.meshpilot}. */
    static Path defaultHome() {
        String env = System.getenv("MESHPILOT_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".meshpilot");
    }

    /** Uses the store {@code store.url} of config file {@code config} names (the environment still wins). */
    public HomeOptions withConfig(Path config) {
        this.configuredUrl = StoreSettings.url(config);
        return this;
    }

    /** Where the store is: the home's SQLite file, or the PostgreSQL database configured. */
    public StoreLocation location() {
        return StoreLocation.resolve(home().resolve(STORE), configuredUrl, System.getenv());
    }

    /** The home's store, which must hold a loaded mesh; creates nothing. */
    public MeshStore openStore() {
        requireStore();
        StoreLocation where = location();
        MeshStore store = MeshStore.open(where);
        if (store.loadedAt().isEmpty()) {
            store.close();
            if (where.dialect() == Dialect.POSTGRESQL) {
                throw new MeshpilotException(
                        ErrorCode.NO_MESH,
                        "no mesh is loaded in the store " + where.describe() + ": load one with 'meshpilot load DIR'"
                                + " (DIR holds meshpilot.yaml) with the same " + StoreLocation.URL_ENV);
            }
            throw noMesh(home());
        }
        return store;
    }

    /**
     * Fails unless the home has a store file: one {@code Files.exists}, cheap enough for {@code mcp}'s cold
     * start. Whether the store holds a mesh is for {@link #openStore()} to say.
     */
    void requireStore() {
        StoreLocation where = location();
        if (where.dialect() == Dialect.SQLITE && !Files.exists(where.file())) {
            throw noMesh(home());
        }
    }

    /** The home's store, creating the folder and an empty store when there is none (for commands that load). */
    MeshStore createStore() {
        return MeshStore.open(location());
    }

    static MeshpilotException noMesh(Path home) {
        String dir = home.toString();
        String option = home.equals(defaultHome()) ? "" : " --home " + dir;
        return new MeshpilotException(
                ErrorCode.NO_MESH,
                "no mesh is loaded at " + dir + ": load one with 'meshpilot load DIR" + option
                        + "' (DIR holds meshpilot.yaml) or try the demo with 'meshpilot demo" + option + "'");
    }
}
