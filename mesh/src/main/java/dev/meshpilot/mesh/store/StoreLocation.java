package dev.meshpilot.mesh.store;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a {@link MeshStore} lives: a SQLite file (the default) or a PostgreSQL database named by a JDBC URL.
 * {@code file} is always the home's store file: on PostgreSQL it only places what stays local beside it (the
 * sample warehouse). Credentials come from the environment, never from a config file, and are never printed.
 *
 * <pre>{@code
 * StoreLocation where = StoreLocation.resolve(home.resolve("meshpilot.db"), configuredUrl, System.getenv());
 * MeshStore store = MeshStore.open(where);
 * }</pre>
 */
public record StoreLocation(Path file, String url, String user, String password) {
    /** The variable naming the store's JDBC URL ({@code jdbc:postgresql://host:5432/db}); it wins over the file. */
    public static final String URL_ENV = "MESHPILOT_STORE_URL";

    public static final String USER_ENV = "MESHPILOT_STORE_USER";
    public static final String PASSWORD_ENV = "MESHPILOT_STORE_PASSWORD";

    /** The SQLite store in {@code file}. */
    public static StoreLocation sqlite(Path file) {
        return new StoreLocation(file, null, null, null);
    }

    /**
     * The store {@code $MESHPILOT_STORE_URL} names, else {@code configuredUrl} (the config file's
     * {@code store.url}), else the SQLite file. Fails with {@link ErrorCode#USAGE} on a URL that is not
     * {@code jdbc:postgresql:} or {@code jdbc:sqlite:}.
     */
    public static StoreLocation resolve(Path file, String configuredUrl, Map<String, String> env) {
        String fromEnv = env.get(URL_ENV);
        boolean envSet = fromEnv != null && !fromEnv.isBlank();
        String url = envSet ? fromEnv.strip() : configuredUrl;
        if (url == null || url.isBlank()) {
            return sqlite(file);
        }
        String where = envSet ? "$" + URL_ENV : "store.url";
        if (url.startsWith("jdbc:sqlite:")) {
            return sqlite(Path.of(url.substring("jdbc:sqlite:".length())));
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    where + " must be a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/meshpilot, got " + url);
        }
        return new StoreLocation(file, url, env.get(USER_ENV), env.get(PASSWORD_ENV));
    }

    public Dialect dialect() {
        return url == null ? Dialect.SQLITE : Dialect.POSTGRESQL;
    }

    /** What to show a user: the file, or the URL (never the password). */
    public String describe() {
        return url == null ? file.toString() : url;
    }

    @Override
    public String toString() {
        return "StoreLocation[" + describe() + (user == null ? "" : " as " + user) + "]";
    }
}
