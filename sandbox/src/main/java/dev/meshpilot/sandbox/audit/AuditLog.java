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

/**
 * The append-only, hash-chained audit log in its own SQLite file. {@link #append} returns once the record
 * is committed (WAL, {@code synchronous=FULL}); appends from many threads are committed together by one
 * writer thread (group commit), which also numbers and chains them, so the chain has no races.
 *
 * <pre>{@code
 * try (AuditLog log = AuditLog.open(home.resolve("audit.db"))) {
 *     AuditRecord r = log.append(entry);
 *     VerifyResult v = log.verify();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Fails with {@link ErrorCode#STORE_FAILED} when the file cannot be opened or written.
 */
public final class AuditLog implements AuditSink, AutoCloseable {
    static final String TABLE = "CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY, time TEXT NOT NULL, "
            + "principal TEXT NOT NULL, agent TEXT, run_id TEXT, tool TEXT NOT NULL, args_digest TEXT, "
            + "decision TEXT NOT NULL, reason TEXT, duration_us INTEGER NOT NULL, output_bytes INTEGER NOT NULL, "
            + "prompt_version TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)";

    private final Path file;
    private final AuditWriter writer;

    private AuditLog(Path file, AuditWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    public static AuditLog open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = connect(file);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute(TABLE);
            }
            c.setAutoCommit(false);
            return new AuditLog(file, AuditWriter.start(c));
        } catch (java.io.IOException | SQLException e) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED, "cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    public Path file() {
        return file;
    }

    /** Appends {@code entry}; returns the stored record once it is durable. */
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

    /** The newest records first, optionally only one principal's or one tool's. */
    public List<AuditRecord> tail(String principal, String tool, int limit) {
        return AuditReader.tail(file, principal, tool, limit);
    }

    /** Walks the whole chain and reports the first record that does not fit. */
    public VerifyResult verify() {
        return AuditReader.verify(file);
    }

    /** Commits what is queued, then stops the writer. */
    @Override
    public void close() {
        writer.close();
    }
}
