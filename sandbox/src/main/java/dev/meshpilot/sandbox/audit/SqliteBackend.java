package dev.meshpilot.sandbox.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The audit log in its own SQLite file (table {@code audit}), in WAL mode. {@code BEGIN IMMEDIATE} is the
 * chain's write lock: it serializes appenders across processes sharing the file.
 */
final class SqliteBackend implements Backend {
    static final String TABLE = "CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY, time TEXT NOT NULL, "
            + "principal TEXT NOT NULL, agent TEXT, run_id TEXT, tool TEXT NOT NULL, args_digest TEXT, "
            + "decision TEXT NOT NULL, reason TEXT, duration_us INTEGER NOT NULL, output_bytes INTEGER NOT NULL, "
            + "prompt_version TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, args TEXT)";
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Connection connection;
    private final Statement tx;
    private final PreparedStatement insert;
    private final PreparedStatement newest;
    private final PreparedStatement hashAt;

    private SqliteBackend(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.tx = connection.createStatement();
        this.insert = connection.prepareStatement(Rows.insert("audit"));
        this.newest = connection.prepareStatement(Tail.newest("audit"));
        this.hashAt = connection.prepareStatement(Tail.hashAt("audit"));
    }

    static SqliteBackend open(Path file, Durability durability) throws IOException, SQLException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(
                durability == Durability.FULL
                        ? SQLiteConfig.SynchronousMode.FULL
                        : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection c = DriverManager.getConnection(url(file), config.toProperties());
        try (Statement st = c.createStatement()) {
            st.execute(TABLE);
            addArgsColumn(st);
            return new SqliteBackend(file, c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** A log written before the arguments' text was kept gains the column (its old records keep null). */
    private static void addArgsColumn(Statement st) throws SQLException {
        boolean has = false;
        try (ResultSet rs = st.executeQuery("PRAGMA table_info(audit)")) {
            while (rs.next()) {
                has |= "args".equals(rs.getString("name"));
            }
        }
        if (!has) {
            st.execute("ALTER TABLE audit ADD COLUMN args TEXT");
        }
    }

    /** A plain connection to the file, for reading (and, in tests, for tampering). */
    static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return DriverManager.getConnection(url(file), config.toProperties());
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    Path file() {
        return file;
    }

    @Override
    public Tail newest() throws SQLException {
        return Tail.read(newest);
    }

    @Override
    public Tail begin(Tail known) throws SQLException {
        // Explicit, so the write lock is held only while a batch is written, never between batches.
        tx.execute("BEGIN IMMEDIATE");
        Tail tail = Tail.read(newest);
        boolean needHash = known.seq() > 0 && tail.seq() > known.seq();
        Tail.requireKnown(known, tail, needHash ? Tail.hashAt(hashAt, known.seq()) : tail.hash());
        return tail;
    }

    @Override
    public AuditEntry storable(AuditEntry entry) {
        return entry;
    }

    @Override
    public void insert(List<AuditRecord> records) throws SQLException {
        for (AuditRecord r : records) {
            Rows.bind(insert, r.seq(), r.entry(), r.prevHash(), r.hash());
            insert.addBatch();
        }
        insert.executeBatch();
    }

    @Override
    public void commit(Tail tail) throws SQLException {
        tx.execute("COMMIT");
    }

    @Override
    public void rollback() {
        try {
            insert.clearBatch();
            tx.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the failed transaction is gone either way
        }
    }

    @Override
    public Connection reader() throws SQLException {
        return connect(file);
    }

    @Override
    public String table() {
        return "audit";
    }

    @Override
    public Tail head(Connection c) {
        return null;
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing; nothing is pending
        }
    }
}
