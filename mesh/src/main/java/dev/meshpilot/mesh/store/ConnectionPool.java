package dev.meshpilot.mesh.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Keeps up to {@code size} idle connections for reuse. Opening one (SQLite: file, WAL, pragmas; PostgreSQL: a
 * network login) costs far more than most reads the tools make, and a triage makes dozens. A connection goes back
 * to the pool only in auto-commit mode with no open transaction (Jdbi restores it after each handle); anything
 * else is closed. Over a network ({@link #validating}), a connection idle for a while is checked before reuse, so a
 * database restart costs no failed call. Thread-safe: a connection is used by one handle at a time.
 */
final class ConnectionPool implements ConnectionFactory {
    private final DataSource source;
    private final BlockingQueue<Connection> idle;
    private volatile boolean closed;
    /** When each idle connection was given back (nanoTime); null when idle connections are never checked. */
    private final Map<Connection, Long> returnedAt;

    ConnectionPool(DataSource source, int size) {
        this(source, size, false);
    }

    private ConnectionPool(DataSource source, int size, boolean validate) {
        this.source = source;
        this.idle = new ArrayBlockingQueue<>(size);
        this.returnedAt = validate ? new ConcurrentHashMap<>() : null;
    }

    /** A pool that checks a connection idle for more than {@link #CHECK_AFTER_NANOS} before handing it out. */
    static ConnectionPool validating(DataSource source, int size) {
        return new ConnectionPool(source, size, true);
    }

    static final long CHECK_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Override
    public Connection openConnection() throws SQLException {
        Connection c;
        while ((c = idle.poll()) != null) {
            if (c.isClosed()) {
                continue;
            }
            if (returnedAt != null) {
                Long since = returnedAt.remove(c);
                if (since != null && System.nanoTime() - since > CHECK_AFTER_NANOS && !c.isValid(2)) {
                    c.close();
                    continue;
                }
            }
            return c;
        }
        return source.getConnection();
    }

    @Override
    public void closeConnection(Connection c) throws SQLException {
        if (c.isClosed()) {
            return;
        }
        if (returnedAt != null) {
            returnedAt.put(c, System.nanoTime());
        }
        if (closed || !c.getAutoCommit() || !idle.offer(c)) {
            if (returnedAt != null) {
                returnedAt.remove(c);
            }
            c.close();
        }
    }

    /** Closes the idle connections; connections given back from now on are closed too. */
    void close() {
        closed = true;
        Connection c;
        while ((c = idle.poll()) != null) {
            if (returnedAt != null) {
                returnedAt.remove(c);
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing an idle connection; nothing to recover
            }
        }
    }
}
