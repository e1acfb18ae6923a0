package dev.meshpilot.mesh.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;

/**
 * Keeps up to {@code size} idle connections for reuse. Opening one (SQLite: file, WAL, pragmas; PostgreSQL: a
 * network login) costs far more
 * than most reads the tools make, and a triage makes dozens. A connection goes back to the pool only in
 * auto-commit mode with no open transaction (Jdbi restores it after each handle); anything else is closed.
 * Thread-safe: a connection is used by one handle at a time.
 */
final class ConnectionPool implements ConnectionFactory {
    private final DataSource source;
    private final BlockingQueue<Connection> idle;
    private volatile boolean closed;

    ConnectionPool(DataSource source, int size) {
        this.source = source;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    @Override
    public Connection openConnection() throws SQLException {
        Connection c;
        while ((c = idle.poll()) != null) {
            if (!c.isClosed()) {
                return c;
            }
        }
        return source.getConnection();
    }

    @Override
    public void closeConnection(Connection c) throws SQLException {
        if (c.isClosed()) {
            return;
        }
        if (closed || !c.getAutoCommit() || !idle.offer(c)) {
            c.close();
        }
    }

    /** Closes the idle connections; connections given back from now on are closed too. */
    void close() {
        closed = true;
        Connection c;
        while ((c = idle.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing an idle connection; nothing to recover
            }
        }
    }
}
