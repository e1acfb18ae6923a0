package dev.meshpilot.mesh.openlineage;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.Dialect;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.store.WriteHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer loop of {@link BatchingIngestor}: takes the first waiting request, adds whatever else is queued
 * up to the batch size, commits them in one transaction on its own connection, then completes their futures.
 * Stops once closed and the queue is empty.
 */
final class GroupWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupWriter.class);

    private final MeshStore store;
    private final LineageIngestor ingestor;
    private final BlockingQueue<BatchingIngestor.Request> queue;
    private final int maxBatchEvents;
    private final BooleanSupplier closed;
    private volatile boolean stopped;

    GroupWriter(
            MeshStore store,
            LineageIngestor ingestor,
            BlockingQueue<BatchingIngestor.Request> queue,
            int maxBatchEvents,
            BooleanSupplier closed) {
        this.store = store;
        this.ingestor = ingestor;
        this.queue = queue;
        this.maxBatchEvents = maxBatchEvents;
        this.closed = closed;
    }

    @Override
    public void run() {
        try (Handle h = open()) {
            while (!closed.getAsBoolean() || !queue.isEmpty()) {
                BatchingIngestor.Request first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<BatchingIngestor.Request> batch = new ArrayList<>(List.of(first));
                int events = first.events().size();
                BatchingIngestor.Request next;
                while (events < maxBatchEvents && (next = queue.poll()) != null) {
                    batch.add(next);
                    events += next.events().size();
                }
                write(h, batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("the lineage writer stopped", e);
        } finally {
            stopped = true;
            List<BatchingIngestor.Request> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(r -> r.future()
                    .completeExceptionally(
                            new MeshpilotException(ErrorCode.STORE_FAILED, "the lineage writer stopped; not stored")));
        }
    }

    /** Whether the loop has ended; requests queued after that are failed by their submitter. */
    boolean stopped() {
        return stopped;
    }

    private void write(Handle h, List<BatchingIngestor.Request> batch) {
        try {
            List<List<RunEvent>> events =
                    batch.stream().map(BatchingIngestor.Request::events).toList();
            List<List<String>> digests =
                    batch.stream().map(BatchingIngestor.Request::digests).toList();
            List<IngestResult> results = h.inTransaction(tx -> ingestor.ingestEach(tx, events, digests));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).future().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).future().completeExceptionally(failure(e));
                return;
            }
            LOG.warn("a batch of {} requests failed ({}); retrying them one by one", batch.size(), e.toString());
            for (BatchingIngestor.Request r : batch) {
                try {
                    r.future()
                            .complete(h.inTransaction(
                                    tx -> ingestor.ingestEach(tx, List.of(r.events()), List.of(r.digests()))
                                            .get(0)));
                } catch (RuntimeException one) {
                    r.future().completeExceptionally(failure(one));
                }
            }
        }
    }

    /**
     * The writer's connection (see {@link WriteHandles}), kept for its lifetime: a 32 MB page cache stays warm
     * between batches, and the WAL is checkpointed every 10,000 pages rather than 1,000 (a page rewritten by
     * many batches is copied to the database once; measured +40% events/s).
     */
    private Handle open() {
        Handle h = WriteHandles.open(store);
        if (store.dialect() == Dialect.SQLITE) {
            h.execute("PRAGMA cache_size = -32000");
            h.execute("PRAGMA wal_autocheckpoint = 10000");
        }
        return h;
    }

    private static MeshpilotException failure(RuntimeException e) {
        return e instanceof MeshpilotException m
                ? m
                : new MeshpilotException(ErrorCode.STORE_FAILED, "could not store the events: " + e.getMessage(), e);
    }
}
