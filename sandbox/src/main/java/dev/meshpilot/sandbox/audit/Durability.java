package dev.meshpilot.sandbox.audit;

/**
 * How durable a committed audit record is. In SQLite both use the write-ahead log (WAL) and differ in when it
 * is synced to the disk. In PostgreSQL, FULL returns only once the commit's WAL is flushed (at the database's
 * {@code synchronous_commit} level, at least {@code on}); NORMAL does not wait for it (a returned record survives
 * a crash of this process, but the newest ones can be lost when the database server crashes).
 */
public enum Durability {
    /**
     * {@code synchronous=FULL}: every group commit syncs the WAL before {@code append} returns, so a record
     * whose call returned survives a crash of the process, of the OS, and a power loss. The default.
     */
    FULL,
    /**
     * {@code synchronous=NORMAL}: the WAL is synced only at checkpoints. A record whose call returned
     * survives a crash of the process (it is in the OS's page cache), but the newest records can be lost
     * on an OS crash or power loss, and the chain then ends earlier without a visible gap. Several times
     * faster per call; for deployments whose threat model is the process, not the machine.
     */
    NORMAL
}
