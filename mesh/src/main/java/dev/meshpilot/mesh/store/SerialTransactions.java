package dev.meshpilot.mesh.store;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * On PostgreSQL, every transaction of a store first takes one transaction-scoped advisory lock of the store's
 * schema, so transactions run one at a time, as they do on SQLite, where each begins {@code IMMEDIATE} and holds
 * the write lock. The repositories rely on it: an incident is numbered {@code max(number) + 1} and deduplicated
 * by fingerprint, an agent run is numbered by counting, both read then written in one transaction. Statements
 * outside a transaction (auto-commit) do not wait. A nested transaction takes nothing more.
 */
final class SerialTransactions extends DelegatingTransactionHandler {
    private final int key;
    private final String lock;

    /** @param key the store's lock key (from its schema name), in the two-integer key space of advisory locks */
    SerialTransactions(TransactionHandler delegate, int key) {
        super(delegate);
        this.key = key;
        this.lock = "SELECT pg_advisory_xact_lock(1296388944, " + key + ")";
    }

    /** Jdbi binds a handler to each handle; the binding wraps the delegate's own. */
    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new SerialTransactions(getDelegate().specialize(handle), key);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        if (isInTransaction(handle)) {
            return super.inTransaction(handle, callback);
        }
        return super.inTransaction(handle, h -> {
            h.execute(lock);
            return callback.withHandle(h);
        });
    }

    @Override
    public <R, X extends Exception> R inTransaction(
            Handle handle, TransactionIsolationLevel level, HandleCallback<R, X> callback) throws X {
        if (isInTransaction(handle)) {
            return super.inTransaction(handle, level, callback);
        }
        return super.inTransaction(handle, level, h -> {
            h.execute(lock);
            return callback.withHandle(h);
        });
    }
}
