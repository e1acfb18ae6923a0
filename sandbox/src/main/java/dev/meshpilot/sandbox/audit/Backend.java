package dev.meshpilot.sandbox.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One database engine's side of the audit log: the locked append transaction the writer runs (begin, insert,
 * commit), and connections for reading. Used only from the writer's thread, except {@link #reader()}.
 */
interface Backend {
    /** The newest committed record (or the recorded head), read when the log is opened. */
    Tail newest() throws SQLException;

    /**
     * Begins a transaction that holds the chain's write lock until {@link #commit} or {@link #rollback}, and
     * returns the tail to continue from, after checking that {@code known} (the newest record this writer
     * committed) is still there, unchanged.
     */
    Tail begin(Tail known) throws SQLException;

    /** {@code entry} as this engine stores it exactly (so the hash covers what is stored). */
    AuditEntry storable(AuditEntry entry);

    void insert(List<AuditRecord> records) throws SQLException;

    /** Records {@code tail} as the chain's new end and commits; returns once it is durable. */
    void commit(Tail tail) throws SQLException;

    void rollback();

    /** A new connection for reading (one consistent snapshot where the engine offers it); the caller closes it. */
    Connection reader() throws SQLException;

    /** The table of the records. */
    String table();

    /** The chain's end as recorded apart from the records, read on {@code c}; null when the engine keeps none. */
    Tail head(Connection c) throws SQLException;

    /** Where the log is, for messages: a file, or a URL without its password. */
    String location();

    void close();
}
