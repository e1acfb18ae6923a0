package dev.meshpilot.mesh.openlineage;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.Dialect;
import dev.meshpilot.mesh.store.NumberedParameters;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Plain JDBC on the caller's connection for the hot path of ingest: each statement is prepared once per
 * batch and reused, values are bound directly. Closed at the end of the batch; the transaction stays the
 * caller's. Fails with {@link ErrorCode#STORE_FAILED}.
 */
final class Statements implements AutoCloseable {
    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    /** Numbered parameters rewritten as plain ones, by statement; only on PostgreSQL (SQLite binds them). */
    private final Map<String, NumberedParameters> numbered;

    Statements(Handle h) {
        this.connection = h.getConnection();
        this.numbered = Dialect.of(h) == Dialect.POSTGRESQL ? new HashMap<>() : null;
    }

    /** The rows {@code sql} returns for {@code args}. */
    <T> List<T> query(String sql, Row<T> row, Object... args) {
        try {
            PreparedStatement ps = bind(sql, args);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The first row, or {@code null}. */
    <T> T first(String sql, Row<T> row, Object... args) {
        List<T> rows = query(sql, row, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    void update(String sql, Object... args) {
        try {
            bind(sql, args).executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs {@code sql} once per row, as one JDBC batch. */
    void batch(String sql, Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            PreparedStatement ps = statement(sql);
            NumberedParameters params = numbered == null ? null : numbered.get(sql);
            for (Object[] numberedRow : rows) {
                Object[] row = params == null ? numberedRow : params.arguments(numberedRow);
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private PreparedStatement bind(String sql, Object... numberedArgs) throws SQLException {
        PreparedStatement ps = statement(sql);
        NumberedParameters params = numbered == null ? null : numbered.get(sql);
        Object[] args = params == null ? numberedArgs : params.arguments(numberedArgs);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            String text = sql;
            if (numbered != null) {
                NumberedParameters params = NumberedParameters.of(sql);
                numbered.put(sql, params);
                text = params.sql();
            }
            ps = connection.prepareStatement(text);
            prepared.put(sql, ps);
        }
        return ps;
    }

    private static MeshpilotException failed(String sql, SQLException e) {
        String what = sql.substring(0, Math.min(sql.length(), 40));
        return new MeshpilotException(
                ErrorCode.STORE_FAILED, "could not store the events: " + e.getMessage() + " [" + what + "...]", e);
    }

    @Override
    public void close() {
        for (PreparedStatement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // closing a statement of a finished batch; nothing to recover
            }
        }
        prepared.clear();
    }
}
