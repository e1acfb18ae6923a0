package dev.meshpilot.sandbox.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;
import org.sqlite.core.DB;

/**
 * One call's read-only connection: opened with {@code SQLITE_OPEN_READONLY}, no extension loading, no
 * attached databases, SQLite's value-length limit, and a progress handler that interrupts whatever runs
 * past the deadline. Everything happens in one read transaction, so the program that is checked and the
 * one that runs see the same schema. Not thread-safe; closed at the end of the call.
 */
final class Session implements AutoCloseable {
    private static final int PROGRESS_STEPS = 1_000;

    private final Connection connection;
    private final long deadlineNanos;

    private Session(Connection connection, long deadlineNanos) {
        this.connection = connection;
        this.deadlineNanos = deadlineNanos;
    }

    static Session open(Path warehouse, SqlLimits limits, long deadlineNanos) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.enableLoadExtension(false);
        Connection c = config.createConnection("jdbc:sqlite:" + warehouse.toAbsolutePath());
        Session session = new Session(c, deadlineNanos);
        try {
            DB db = c.unwrap(SQLiteConnection.class).getDatabase();
            db.limit(SQLiteLimits.SQLITE_LIMIT_ATTACHED.getId(), 0);
            db.limit(SQLiteLimits.SQLITE_LIMIT_LENGTH.getId(), limits.maxValueBytes());
            ProgressHandler.setHandler(c, PROGRESS_STEPS, new ProgressHandler() {
                @Override
                protected int progress() {
                    return session.expired() ? 1 : 0;
                }
            });
            c.setAutoCommit(false);
            return session;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Whether the deadline has passed. */
    boolean expired() {
        return System.nanoTime() - deadlineNanos > 0;
    }

    /** Reads the schema, creates the masking views, then turns {@code query_only} on. */
    Schema mask(SqlPolicy policy) throws SQLException {
        Schema schema = Schema.read(connection);
        MaskingViews.create(connection, schema, policy);
        queryOnly();
        return schema;
    }

    /** The compiled program of {@code statement}, which the text checks have shown to be a plain query. */
    List<Op> explain(String statement) throws SQLException {
        List<Op> ops = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("EXPLAIN " + statement)) {
            while (rs.next()) {
                ops.add(new Op(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getInt(7)));
            }
        }
        return ops;
    }

    /** Runs {@code statement} with {@code query_only} asserted again just before. */
    RowReader.Rows run(String statement, SqlLimits limits) throws SQLException {
        queryOnly();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(statement)) {
            return RowReader.read(rs, limits);
        }
    }

    private void queryOnly() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA query_only = 1");
        }
    }

    /** Ends the read transaction and closes; a read-only connection has nothing to lose, so failures are ignored. */
    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException ignored) {
            // nothing was written; the connection is gone either way
        }
    }
}
