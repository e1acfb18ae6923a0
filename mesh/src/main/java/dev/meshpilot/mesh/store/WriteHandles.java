package dev.meshpilot.mesh.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * Connections for write transactions that acknowledge something to a sender (OpenLineage ingest, alert
 * webhooks). Their transactions begin {@code IMMEDIATE}: a deferred transaction that reads (a digest check)
 * and then writes fails at once with {@code SQLITE_BUSY} when another connection is writing, where an
 * immediate one waits for the lock (the store's busy timeout). Commits are synced to disk
 * ({@code synchronous=FULL}), so a committed write survives a power loss. On PostgreSQL a commit is durable
 * when it returns ({@code synchronous_commit = on}, set on the connection in case the server defaults it off),
 * and concurrent writers wait on row locks as usual.
 *
 * <pre>{@code
 * try (Handle h = WriteHandles.open(store)) {
 *     h.useTransaction(tx -> ...); // committed and on disk when this returns
 * }
 * }</pre>
 *
 * <p>The caller closes the handle. Fails with the driver's exception when the connection cannot be set up.
 */
public final class WriteHandles {
    private WriteHandles() {}

    /** A new connection to {@code store}, set up as above. */
    public static Handle open(MeshStore store) {
        Handle h = store.jdbi().open();
        try {
            if (store.dialect() == Dialect.POSTGRESQL) {
                h.execute("SET synchronous_commit = on");
                return h;
            }
            h.execute("PRAGMA synchronous = FULL");
            Connection c = h.getConnection();
            if (c.isWrapperFor(SQLiteConnection.class)) {
                c.unwrap(SQLiteConnection.class)
                        .getConnectionConfig()
                        .setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            }
            return h;
        } catch (SQLException | RuntimeException e) {
            h.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
