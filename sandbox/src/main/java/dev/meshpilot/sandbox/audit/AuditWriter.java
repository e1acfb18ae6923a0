package dev.meshpilot.sandbox.audit;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes the audit log (group commit): takes what is queued (up to {@link #MAX_BATCH}),
 * and in one transaction holding the chain's write lock ({@link Backend#begin}) reads the chain's tail,
 * numbers and chains the records, inserts and commits them; then completes their futures. Reading the tail
 * under the lock lets other processes (replicas) append to the same chain; checking it against what this
 * writer last committed refuses to continue a chain whose newest records were deleted or replaced (the batch
 * fails, nothing is hidden). The database is called only from this platform thread, so no virtual thread's
 * carrier is pinned by its I/O.
 */
final class AuditWriter implements Runnable {
    static final int MAX_BATCH = 1_000;

    private record Pending(AuditEntry entry, CompletableFuture<AuditRecord> done) {}

    private final Backend backend;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;
    private volatile boolean stopped;
    private volatile Tail known;

    private AuditWriter(Backend backend, Tail known) {
        this.backend = backend;
        this.known = known;
        this.thread =
                Thread.ofPlatform().daemon().name("meshpilot-audit-writer").unstarted(this);
    }

    /** Starts the writer on {@code backend}, which it closes when it stops. */
    static AuditWriter start(Backend backend) throws SQLException {
        AuditWriter writer = new AuditWriter(backend, backend.newest());
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
            Tail tail = backend.begin(known);
            long seq = tail.seq();
            String prev = tail.hash();
            for (Pending p : batch) {
                seq++;
                AuditEntry entry = backend.storable(p.entry());
                String hash = Chain.hash(seq, prev, entry);
                records.add(new AuditRecord(seq, entry, prev, hash));
                prev = hash;
            }
            backend.insert(records);
            Tail end = new Tail(seq, prev);
            backend.commit(end);
            known = end;
        } catch (SQLException | RuntimeException e) {
            backend.rollback();
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

    void close() {
        closing = true;
        try {
            thread.join();
            backend.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<AuditRecord> closed(Pending p) {
        p.done().completeExceptionally(new MeshpilotException(ErrorCode.STORE_FAILED, "the audit log is closed"));
        return p.done();
    }
}
