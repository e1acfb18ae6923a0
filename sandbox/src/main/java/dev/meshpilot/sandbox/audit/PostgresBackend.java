package dev.meshpilot.sandbox.audit;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The audit log in PostgreSQL (tables {@code audit_entry} and {@code audit_head}, see
 * docs/decisions/0007-audit-chain-across-replicas.md). An append transaction locks the one head row
 * ({@code SELECT ... FOR UPDATE}), so every writer of every replica appends in one total order; it then checks
 * the records against the head, inserts the batch after it, moves the head and commits, then waits for the
 * commit to be flushed outside the lock. A writer killed before its commit leaves nothing: its transaction is
 * rolled back and the lock released. A connection lost between batches is opened again for the next batch.
 */
final class PostgresBackend implements Backend {
    static final String TABLE = "audit_entry";
    private static final String LOCK_HEAD = "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";
    // a statement of its own, after the lock is held: its snapshot then sees every append committed before
    private static final String NEWEST_AND_KNOWN =
            "SELECT seq, hash FROM audit_entry WHERE seq = (SELECT max(seq) FROM audit_entry) OR seq = ?";
    private static final String MOVE_HEAD = "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1";
    // a transaction that writes WAL (a message no one decodes) and commits synchronously: its flush covers all
    // WAL written before it, this writer's append included
    private static final String FLUSH = "SELECT pg_logical_emit_message(true, 'meshpilot.audit', '')";

    private final PostgresTarget target;
    private final Durability durability;
    private Connection connection;
    /** The database's own {@code synchronous_commit} (with standbys it may wait for them), or {@code on}. */
    private String syncLevel = "on";

    private PostgresBackend(PostgresTarget target, Durability durability) {
        this.target = target;
        this.durability = durability;
    }

    static PostgresBackend open(PostgresTarget target, Durability durability) throws SQLException {
        PostgresBackend b = new PostgresBackend(target, durability);
        b.connection = b.connect();
        try {
            PostgresMigrations.apply(b.connection);
            return b;
        } catch (SQLException | RuntimeException e) {
            b.close();
            throw e;
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        if (target.user() != null) {
            p.setProperty("user", target.user());
        }
        if (target.password() != null) {
            p.setProperty("password", target.password());
        }
        p.setProperty("ApplicationName", "meshpilot-audit");
        p.setProperty("reWriteBatchedInserts", "true");
        Connection c = DriverManager.getConnection(target.url(), p);
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT current_setting('synchronous_commit')")) {
                String level = rs.next() ? rs.getString(1) : "on";
                syncLevel = level.matches("on|local|remote_write|remote_apply") ? level : "on";
            }
            // an append commits without waiting for the WAL flush, so it releases the chain's lock at once;
            // FULL then waits for the flush outside the lock (see commit), NORMAL does not
            st.execute("SET synchronous_commit = off");
        }
        c.setAutoCommit(false);
        return c;
    }

    /** The connection for the next transaction, opened again when the last one was lost. */
    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = connect();
        }
        return connection;
    }

    @Override
    public Tail newest() throws SQLException {
        try (Statement st = connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT seq, hash FROM audit_head WHERE id = 1")) {
            Tail head = rs.next() ? new Tail(rs.getLong(1), rs.getString(2)) : Tail.EMPTY;
            connection.commit();
            return head;
        }
    }

    @Override
    public Tail begin(Tail known) throws SQLException {
        Tail head;
        try {
            head = lockHead();
        } catch (SQLException e) {
            if (connection.isValid(2)) {
                throw e;
            }
            // the connection was lost (the server restarted, an idle connection was cut): nothing of this
            // transaction was written, so it is safe to start it again on a new one
            rollback();
            connection.close();
            head = lockHead();
        }
        Connection c = connection;
        Tail newest = Tail.EMPTY;
        String stored = null;
        try (PreparedStatement st = c.prepareStatement(NEWEST_AND_KNOWN)) {
            st.setLong(1, known.seq());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Tail row = new Tail(rs.getLong(1), rs.getString(2));
                    stored = row.seq() == known.seq() ? row.hash() : stored;
                    newest = row.seq() > newest.seq() ? row : newest;
                }
            }
        }
        Tail.requireKnown(known, newest, stored);
        if (!newest.equals(head)) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED,
                    "the audit log was tampered with: its head (table audit_head) is record " + head.seq()
                            + " but the newest record is " + newest.seq()
                            + (newest.seq() == head.seq() ? ", with another hash" : "")
                            + "; refusing to continue the chain (run meshpilot audit verify)");
        }
        return head;
    }

    /** Locks the head row for this transaction: waits while another writer's transaction holds it. */
    private Tail lockHead() throws SQLException {
        try (Statement st = connection().createStatement();
                ResultSet rs = st.executeQuery(LOCK_HEAD)) {
            if (!rs.next()) {
                throw new MeshpilotException(
                        ErrorCode.STORE_FAILED,
                        "the audit log was tampered with: its head row (table audit_head, id 1) is gone; refusing "
                                + "to continue the chain (run meshpilot audit verify)");
            }
            return new Tail(rs.getLong(1), rs.getString(2));
        }
    }

    /** PostgreSQL text cannot hold NUL: it is stored (and hashed) as U+FFFD. */
    @Override
    public AuditEntry storable(AuditEntry e) {
        String all = e.canonical();
        if (all.indexOf('\u0000') < 0) {
            return e;
        }
        return new AuditEntry(
                e.time(),
                noNul(e.principal()),
                noNul(e.agent()),
                noNul(e.runId()),
                noNul(e.tool()),
                noNul(e.argsDigest()),
                noNul(e.decision()),
                noNul(e.reason()),
                e.durationMicros(),
                e.outputBytes(),
                noNul(e.promptVersion()),
                noNul(e.args()));
    }

    private static String noNul(String s) {
        return s == null ? null : s.replace('\u0000', '\ufffd');
    }

    @Override
    public void insert(List<AuditRecord> records) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(Rows.insert(TABLE))) {
            for (AuditRecord r : records) {
                Rows.bind(insert, r.seq(), r.entry(), r.prevHash(), r.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Moves the head and commits, releasing the chain's lock without waiting for the WAL flush; then, for
     * {@link Durability#FULL}, waits until the append is flushed. WAL survives a crash only as a prefix, so a
     * later writer's record can never be durable while this one is lost: the chain stays gap-free, and the
     * flushes of several writers can be merged by PostgreSQL instead of queueing behind the lock.
     */
    @Override
    public void commit(Tail tail) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(MOVE_HEAD)) {
            st.setLong(1, tail.seq());
            st.setString(2, tail.hash());
            st.executeUpdate();
        }
        connection.commit();
        if (durability == Durability.FULL) {
            try (Statement st = connection.createStatement()) {
                st.execute("SET LOCAL synchronous_commit = " + syncLevel + "; " + FLUSH); // one round trip
            }
            connection.commit();
        }
    }

    @Override
    public void rollback() {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // the failed transaction is gone either way; a lost connection is opened again for the next batch
        }
    }

    @Override
    public Connection reader() throws SQLException {
        Connection c = connect();
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        return c;
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public Tail head(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT seq, hash FROM audit_head WHERE id = 1")) {
            return rs.next() ? new Tail(rs.getLong(1), rs.getString(2)) : Tail.MISSING;
        }
    }

    @Override
    public String location() {
        return target.location();
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // closing; nothing is pending
        }
    }
}
