package dev.meshpilot.sandbox.audit;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The append-only, hash-chained audit log: in its own SQLite file by default, or in PostgreSQL (tables
 * {@code audit_entry} and {@code audit_head}) when {@code MESHPILOT_STORE_URL} names one, so that several
 * replicas share one chain. {@link #append} returns once the record is committed ({@link Durability#FULL} by
 * default); appends from many threads are committed together by one writer thread (group commit), which also
 * numbers and chains them under the chain's write lock, so the chain has no races. Other processes may append
 * to the same log at the same time: the chain stays one total order (docs/decisions/0007).
 *
 * <pre>{@code
 * try (AuditLog log = AuditLog.forHome(home)) {   // or AuditLog.open(home.resolve("audit.db"))
 *     AuditRecord r = log.append(entry);
 *     List<AuditRecord> mine = log.tail("alice", null, 20);
 *     VerifyResult v = log.verify();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Fails with {@link ErrorCode#STORE_FAILED} when the log cannot be opened or written, or
 * when records this process committed have since been deleted or replaced.
 */
public final class AuditLog implements AuditSink, AutoCloseable {
    private final Backend backend;
    private final AuditWriter writer;

    private AuditLog(Backend backend, AuditWriter writer) {
        this.backend = backend;
        this.writer = writer;
    }

    /**
     * The log of {@code home}: in the PostgreSQL database named by {@code MESHPILOT_STORE_URL} (with
     * {@code MESHPILOT_STORE_USER} and {@code MESHPILOT_STORE_PASSWORD}) when that is a
     * {@code jdbc:postgresql:} URL, else in {@code <home>/audit.db}.
     */
    public static AuditLog forHome(Path home) {
        return forHome(home, System.getenv());
    }

    static AuditLog forHome(Path home, Map<String, String> env) {
        return PostgresTarget.fromEnv(env).map(AuditLog::open).orElseGet(() -> open(home.resolve("audit.db")));
    }

    /** Opens (creating if needed) the log at {@code file} with {@link Durability#FULL}. */
    public static AuditLog open(Path file) {
        return open(file, Durability.FULL);
    }

    public static AuditLog open(Path file, Durability durability) {
        try {
            return start(SqliteBackend.open(file, durability));
        } catch (java.io.IOException | SQLException e) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED, "cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens the log in {@code target}, applying its migrations when needed, with {@link Durability#FULL}. */
    public static AuditLog open(PostgresTarget target) {
        return open(target, Durability.FULL);
    }

    public static AuditLog open(PostgresTarget target, Durability durability) {
        try {
            return start(PostgresBackend.open(target, durability));
        } catch (MeshpilotException e) {
            throw new MeshpilotException(
                    e.code(), "cannot open the audit log in PostgreSQL at " + target + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED,
                    "cannot open the audit log in PostgreSQL at " + target + ": " + e.getMessage()
                            + " (check MESHPILOT_STORE_URL, MESHPILOT_STORE_USER and MESHPILOT_STORE_PASSWORD)",
                    e);
        }
    }

    private static AuditLog start(Backend backend) throws SQLException {
        try {
            return new AuditLog(backend, AuditWriter.start(backend));
        } catch (SQLException | RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** A plain connection to a SQLite log's file, for reading (and, in tests, for tampering). */
    static Connection connect(Path file) throws SQLException {
        return SqliteBackend.connect(file);
    }

    /** The SQLite file; null when the log is in PostgreSQL. */
    public Path file() {
        return backend instanceof SqliteBackend s ? s.file() : null;
    }

    /** Where the log is, for messages: its file, or its PostgreSQL URL without the password. */
    public String location() {
        return backend.location();
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
        return AuditReader.tail(backend, principal, tool, limit);
    }

    /**
     * Walks the whole chain and reports the first record that does not fit: missing (deleted, or the table
     * truncated), out of order, edited, or cut off the end (records this process committed, and in
     * PostgreSQL records up to the chain's recorded head).
     */
    public VerifyResult verify() {
        return AuditReader.verify(backend, writer.known().seq());
    }

    /** Commits what is queued, then stops the writer. */
    @Override
    public void close() {
        writer.close();
    }
}
