package dev.meshpilot.sandbox.audit;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.sqlite.SQLiteConfig;

/**
 * The append-only, hash-chained audit log in its own SQLite file. {@link #append} returns once the record
 * is committed ({@link Durability#FULL} by default: WAL, {@code synchronous=FULL}); appends from many threads
 * are committed together by one writer thread (group commit), which also numbers and chains them, so the
 * chain has no races. Other processes may append to the same file at the same time.
 *
 * <pre>{@code
 * try (AuditLog log = AuditLog.open(home.resolve("audit.db"))) {
 *     AuditRecord r = log.append(entry);
 *     List<AuditRecord> mine = log.tail("alice", null, 20);
 *     VerifyResult v = log.verify();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Fails with {@link ErrorCode#STORE_FAILED} when the file cannot be opened or written, or
 * when records this process committed have since been deleted or replaced.
 */
public final class AuditLog implements AuditSink, AutoCloseable {
    static final String TABLE = "CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY, time TEXT NOT NULL, "
            + "principal TEXT NOT NULL, agent TEXT, run_id TEXT, tool TEXT NOT NULL, args_digest TEXT, "
            + "decision TEXT NOT NULL, reason TEXT, duration_us INTEGER NOT NULL, output_bytes INTEGER NOT NULL, "
            + "prompt_version TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, args TEXT)";
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final AuditWriter writer;

    private AuditLog(Path file, AuditWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Opens (creating if needed) the log at {@code file} with {@link Durability#FULL}. */
    public static AuditLog open(Path file) {
        return open(file, Durability.FULL);
    }

    public static AuditLog open(Path file, Durability durability) {
        try {
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
            }
            return new AuditLog(file, AuditWriter.start(c));
        } catch (java.io.IOException | SQLException e) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED, "cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    /** A log written before the arguments' text was kept gains the column (its old records keep null). */
    private static void addArgsColumn(Statement st) throws SQLException {
        boolean has = false;
        try (java.sql.ResultSet rs = st.executeQuery("PRAGMA table_info(audit)")) {
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

    public Path file() {
        return file;
    }

    /**
     * Appends {@code entry}; returns the stored record (with its sequence number and hash) once it is
     * committed.
     *
     * @throws MeshpilotException {@link ErrorCode#STORE_FAILED} when it could not be committed
     */
    @Override
    public AuditRecord append(AuditEntry entry) {
        CompletableFuture<AuditRecord> done = writer.submit(entry);
        try {
            return done.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof MeshpilotException m
                    ? m
                    : new MeshpilotException(
                            ErrorCode.STORE_FAILED, "audit write failed: " + cause.getMessage(), cause);
        }
    }

    /** The newest {@code limit} records first, optionally only one principal's and/or one tool's (null = all). */
    public List<AuditRecord> tail(String principal, String tool, int limit) {
        return AuditReader.tail(file, principal, tool, limit);
    }

    /**
     * Walks the whole chain and reports the first record that does not fit: missing (deleted, or the table
     * truncated), out of order, edited, or — for records this process committed — cut off the end.
     */
    public VerifyResult verify() {
        return AuditReader.verify(file, writer.known().seq());
    }

    /** Commits what is queued, then stops the writer. */
    @Override
    public void close() {
        writer.close();
    }
}
