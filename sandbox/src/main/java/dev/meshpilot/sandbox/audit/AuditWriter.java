package dev.meshpilot.sandbox.audit;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes the audit log (group commit): takes what is queued (up to {@link #MAX_BATCH}),
 * and in one {@code BEGIN IMMEDIATE} transaction reads the chain's tail, numbers and chains the records,
 * inserts and commits them; then completes their futures. Reading the tail in the transaction lets other
 * processes append to the same file; checking it against what this writer last committed refuses to
 * continue a chain whose newest records were deleted or replaced (the batch fails, nothing is hidden).
 * SQLite is called only from this platform thread, so no virtual thread's carrier is pinned by its I/O.
 */
final class AuditWriter implements Runnable {
    static final int MAX_BATCH = 1_000;

    private record Pending(AuditEntry entry, CompletableFuture<AuditRecord> done) {}

    private final Connection connection;
    private final Statement tx;
    private final PreparedStatement insert;
    private final PreparedStatement newest;
    private final PreparedStatement hashAt;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;
    private volatile boolean stopped;
    private volatile Tail known;

    private AuditWriter(Connection connection, Tail known) throws SQLException {
        this.connection = connection;
        this.tx = connection.createStatement();
        this.insert = connection.prepareStatement(Rows.INSERT);
        this.newest = connection.prepareStatement(Tail.NEWEST);
        this.hashAt = connection.prepareStatement(Tail.HASH_AT);
        this.known = known;
        this.thread =
                Thread.ofPlatform().daemon().name("meshpilot-audit-writer").unstarted(this);
    }

    /** Starts the writer on {@code connection}, which must be in auto-commit mode (transactions are explicit). */
    static AuditWriter start(Connection connection) throws SQLException {
        Tail tail = Tail.read(connection);
        AuditWriter writer = new AuditWriter(connection, tail);
        writer.thread.start();
        return writer;
    }

    /** The newest record this writer has seen committed: records up to it must exist. */
    Tail known() {
        return known;
    }

    CompletableFuture<AuditRecord> submit(AuditEntry entry) {
        Pending p = new Pending(entry, new CompletableFuture<>());
        if (closing) {
            return closed(p);
        }
        queue.add(p);
        // The writer may have drained its last batch between the check above and the add: take it back.
        if (stopped && queue.remove(p)) {
            return closed(p);
        }
        return p.done();
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        stopped = true;
        queue.drainTo(batch);
        write(batch);
    }

    private void write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<AuditRecord> records = new ArrayList<>(batch.size());
        try {
            // Explicit, so the write lock is held only while a batch is written, never between batches.
            tx.execute("BEGIN IMMEDIATE");
            Tail tail = Tail.continuing(known, newest, hashAt);
            long seq = tail.seq();
            String prev = tail.hash();
            for (Pending p : batch) {
                seq++;
                String hash = Chain.hash(seq, prev, p.entry());
                Rows.bind(insert, seq, p.entry(), prev, hash);
                insert.addBatch();
                records.add(new AuditRecord(seq, p.entry(), prev, hash));
                prev = hash;
            }
            insert.executeBatch();
            tx.execute("COMMIT");
            known = new Tail(seq, prev);
        } catch (SQLException | RuntimeException e) {
            rollback();
            MeshpilotException failure = e instanceof MeshpilotException m
                    ? m
                    : new MeshpilotException(ErrorCode.STORE_FAILED, "audit write failed: " + e.getMessage(), e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(records.get(i));
        }
    }

    private void rollback() {
        try {
            insert.clearBatch();
            tx.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the failed transaction is gone either way
        }
    }

    void close() {
        closing = true;
        try {
            thread.join();
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException ignored) {
            // closing; nothing is pending
        }
    }

    private static CompletableFuture<AuditRecord> closed(Pending p) {
        p.done().completeExceptionally(new MeshpilotException(ErrorCode.STORE_FAILED, "the audit log is closed"));
        return p.done();
    }
}
