package dev.meshpilot.mesh.openlineage;

import dev.meshpilot.mesh.store.MeshStore;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * Connections for ingest transactions of our own. Their transactions begin {@code IMMEDIATE}: a deferred
 * transaction that reads (the digest check) and then writes fails at once with {@code SQLITE_BUSY} when
 * another connection is writing, where an immediate one waits for the lock (the store's busy timeout).
 * Commits are synced to disk ({@code synchronous=FULL}), so a committed event survives a power loss.
 */
final class WriteHandles {
    private WriteHandles() {}

    static Handle open(MeshStore store) {
        Handle h = store.jdbi().open();
        try {
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
