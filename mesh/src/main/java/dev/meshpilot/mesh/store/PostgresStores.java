package dev.meshpilot.mesh.store;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens a {@link MeshStore} on PostgreSQL: a small pool of connections (the same {@link ConnectionPool} as on
 * SQLite), transactions one at a time as on SQLite ({@link SerialTransactions}), the schema migrated under an advisory lock so two processes starting at once do not both apply a
 * migration, and a load stamp read from {@code mesh_info} on every call (one primary-key row; PostgreSQL has no
 * cheap "something was committed" counter like SQLite's {@code data_version}). Commits are durable with
 * PostgreSQL's default {@code synchronous_commit = on}.
 */
final class PostgresStores {
    private PostgresStores() {}

    static MeshStore open(StoreLocation location) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(location.url());
        if (location.user() != null) {
            source.setUser(location.user());
        }
        if (location.password() != null) {
            source.setPassword(location.password());
        }
        source.setApplicationName("meshpilot");
        int key;
        try (Connection probe = source.getConnection();
                Statement s = probe.createStatement();
                ResultSet r =
                        s.executeQuery("SELECT current_schema(), hashtext('meshpilot.store:' || current_schema())")) {
            if (!r.next() || r.getString(1) == null) {
                throw new MeshpilotException(
                        ErrorCode.STORE_FAILED,
                        "the PostgreSQL store " + location.url() + " has no schema to create tables in: create the "
                                + "schema its currentSchema names (CREATE SCHEMA ...), or leave currentSchema out to "
                                + "use public");
            }
            key = r.getInt(2);
        } catch (SQLException e) {
            throw unreachable(location, e);
        }
        ConnectionPool pool = ConnectionPool.validating(source, MeshStore.POOL_SIZE);
        Jdbi jdbi = Jdbi.create(pool);
        jdbi.setTransactionHandler(new SerialTransactions(jdbi.getTransactionHandler(), key));
        MeshStore[] self = new MeshStore[1];
        MeshStore store = MeshStore.of(jdbi, location, () -> stamp(self[0]), pool::close);
        self[0] = store;
        try {
            store.useHandle(h -> Migrations.apply(h, Dialect.POSTGRESQL));
        } catch (ConnectionException e) {
            throw unreachable(location, e);
        } catch (JdbiException e) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED,
                    "cannot migrate the PostgreSQL store " + location.url() + ": " + e.getMessage()
                            + " (the user needs to be allowed to create tables and functions there)",
                    e);
        }
        return store;
    }

    private static String stamp(MeshStore store) {
        try {
            return store.withHandle(h -> h.createQuery("SELECT loaded_at FROM mesh_info WHERE id = 1")
                            .mapTo(String.class)
                            .findOne())
                    .orElse("");
        } catch (RuntimeException e) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED,
                    "cannot read the store's load stamp at " + store.location().describe() + ": " + e,
                    e);
        }
    }

    private static MeshpilotException unreachable(StoreLocation location, Exception e) {
        return new MeshpilotException(
                ErrorCode.STORE_FAILED,
                "cannot connect to the PostgreSQL store " + location.url()
                        + (location.user() == null ? "" : " as " + location.user()) + ": " + e.getMessage()
                        + " (check $" + StoreLocation.URL_ENV + ", $" + StoreLocation.USER_ENV + " and $"
                        + StoreLocation.PASSWORD_ENV + "; the database must exist)",
                e);
    }
}
