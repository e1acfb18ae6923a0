package dev.meshpilot.mesh.store;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The Meshpilot store: a SQLite database in WAL mode with foreign keys on and a busy timeout (the default), or
 * a PostgreSQL database ({@link StoreLocation}), migrated to the current schema when opened. The same
 * repositories run on both; {@link #dialect()} says which engine it is.
 *
 * <pre>{@code
 * MeshStore store = MeshStore.open(home.resolve("meshpilot.db"));
 * int products = store.withHandle(h -> h.select("SELECT count(*) FROM product").mapTo(int.class).one());
 * }</pre>
 *
 * <p>Thread-safe: every call takes its own connection. Fails with {@link ErrorCode#STORE_FAILED} when the
 * file cannot be created or migrated.
 */
public final class MeshStore {
    /** Idle connections kept for reuse; more may be open at once, the extra ones are closed after use. */
    static final int POOL_SIZE = 8;

    private final Jdbi jdbi;
    private final StoreLocation location;
    private final Supplier<String> stamp;
    private final Runnable closer;

    private MeshStore(Jdbi jdbi, StoreLocation location, Supplier<String> stamp, Runnable closer) {
        this.jdbi = jdbi;
        this.location = location;
        this.stamp = stamp;
        this.closer = closer;
        jdbi.define(Dialect.ATTRIBUTE, location.dialect());
    }

    /** Opens (creating if needed) the SQLite database file and applies pending migrations. */
    public static MeshStore open(Path file) {
        return open(StoreLocation.sqlite(file));
    }

    /**
     * Opens the store {@code location} names and applies pending migrations: a SQLite file (created if needed)
     * or a PostgreSQL database, which must exist (its schema is created in it). Fails with
     * {@link ErrorCode#STORE_FAILED} when the database cannot be reached or migrated.
     */
    public static MeshStore open(StoreLocation location) {
        if (location.dialect() == Dialect.POSTGRESQL) {
            return PostgresStores.open(location);
        }
        Path file = location.file();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot create the folder of " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        // Writers take the lock when they begin: a deferred transaction that reads then writes fails at once
        // with SQLITE_BUSY while another connection (the HTTP ingest writer) holds it.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        LoadStamp stamp = new LoadStamp(source);
        ConnectionPool pool = new ConnectionPool(source, POOL_SIZE);
        MeshStore store = new MeshStore(Jdbi.create(pool), location, stamp::get, () -> {
            pool.close();
            stamp.close();
        });
        store.useHandle(h -> Migrations.apply(h, Dialect.SQLITE));
        return store;
    }

    /** A store over {@code jdbi} whose load stamp {@code stamp} reads; for {@link PostgresStores}. */
    static MeshStore of(Jdbi jdbi, StoreLocation location, Supplier<String> stamp, Runnable closer) {
        return new MeshStore(jdbi, location, stamp, closer);
    }

    /**
     * Closes the idle connections kept for reuse (a connection in use is closed when its handle is); the store
     * still works afterwards, opening a connection per call. For tests and tools that open many stores, so
     * PostgreSQL's connection limit is not used up.
     */
    public void close() {
        closer.run();
    }

    /** The home's store file; on PostgreSQL only the place what stays local is kept beside. */
    public Path file() {
        return location.file();
    }

    public StoreLocation location() {
        return location;
    }

    public Dialect dialect() {
        return location.dialect();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X {
        return jdbi.withHandle(callback);
    }

    public <X extends Exception> void useHandle(HandleConsumer<X> consumer) throws X {
        jdbi.useHandle(consumer);
    }

    /** Runs {@code callback} in one transaction: all of it is committed, or none of it. */
    public <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X {
        return jdbi.inTransaction(callback);
    }

    /**
     * When the workspace was last loaded (the {@code mesh_info.loaded_at} text), or empty before any load: a
     * stamp long-running readers compare to notice a load made by another process. Cheap: the row is read again
     * only when something was committed since the last call ({@link LoadStamp}).
     */
    public String loadedAt() {
        return stamp.get();
    }

    /**
     * The instant the loaded workspace declares it is judged at ({@code mesh_info.as_of}: a frozen demo or a
     * replayed incident), or empty when it declares none. One primary-key row.
     */
    public Optional<java.time.Instant> asOf() {
        return withHandle(h -> h.createQuery("SELECT as_of FROM mesh_info WHERE id = 1")
                        .mapTo(String.class)
                        .findOne())
                .map(java.time.Instant::parse);
    }

    /** The mesh a store holds: its name and load stamp ({@code mesh_info.loaded_at}). */
    public record LoadedMesh(String name, String loadedAt) {}

    /**
     * The mesh in the store {@code file}, read without migrating anything over one connection closed before
     * returning (so the file may be deleted next); empty when the file does not exist or holds no loaded mesh.
     * Fails with {@link ErrorCode#STORE_FAILED} when the file cannot be read.
     */
    public static Optional<LoadedMesh> loadedMesh(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT name, loaded_at FROM mesh_info WHERE id = 1")) {
            return r.next() && r.getString(2) != null
                    ? Optional.of(new LoadedMesh(r.getString(1), r.getString(2)))
                    : Optional.empty();
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return Optional.empty(); // an empty store, never migrated
            }
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot read the store " + file + ": " + e, e);
        }
    }

    /** The number of rows in {@code table}; for tests and status output. */
    public long count(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return withHandle((Handle h) ->
                h.createQuery("SELECT count(*) FROM " + table).mapTo(long.class).one());
    }
}
