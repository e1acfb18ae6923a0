package dev.meshpilot.mesh.store;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The store's load stamp ({@code mesh_info.loaded_at}), read cheaply enough to check before every tool call.
 * One connection of its own, which never writes, asks SQLite's {@code PRAGMA data_version}: it changes when any
 * other connection, in this process or another, has committed since the last ask. Only then is
 * {@code loaded_at} read again. Thread-safe (one caller at a time on the connection).
 */
final class LoadStamp {
    private final DataSource source;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    private PreparedStatement version;
    private PreparedStatement loadedAt;
    private long seenVersion = Long.MIN_VALUE;
    private String stamp = "";

    LoadStamp(DataSource source) {
        this.source = source;
    }

    /** {@code mesh_info.loaded_at}, or empty before any load. */
    String get() {
        lock.lock();
        try {
            open();
            long v;
            try (ResultSet r = version.executeQuery()) {
                v = r.next() ? r.getLong(1) : Long.MIN_VALUE;
            }
            if (v != seenVersion || v == Long.MIN_VALUE) {
                // read after the version: the stamp is at least as new as what the version says was committed
                try (ResultSet r = loadedAt.executeQuery()) {
                    stamp = r.next() && r.getString(1) != null ? r.getString(1) : "";
                }
                seenVersion = v;
            }
            return stamp;
        } catch (SQLException e) {
            drop();
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "cannot read the store's load stamp: " + e, e);
        } finally {
            lock.unlock();
        }
    }

    private void open() throws SQLException {
        if (connection == null) {
            connection = source.getConnection();
            version = connection.prepareStatement("PRAGMA data_version");
            loadedAt = connection.prepareStatement("SELECT loaded_at FROM mesh_info WHERE id = 1");
        }
    }

    /** Closes the stamp's own connection; the next {@link #get()} opens another. */
    void close() {
        lock.lock();
        try {
            drop();
        } finally {
            lock.unlock();
        }
    }

    private void drop() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // a broken connection is dropped either way
        }
        connection = null;
        seenVersion = Long.MIN_VALUE;
    }
}
