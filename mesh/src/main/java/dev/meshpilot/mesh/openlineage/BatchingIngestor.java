package dev.meshpilot.mesh.openlineage;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for the HTTP endpoint: requests from many threads are queued, and one writer thread commits
 * them together, up to {@code maxBatchEvents} events a transaction, so one disk sync serves many requests.
 *
 * <pre>{@code
 * try (BatchingIngestor writer = new BatchingIngestor(store)) {
 *     IngestResult r = writer.submit(RunEventParser.parseAll(body)).join(); // durable once it completes
 * }
 * }</pre>
 *
 * <p>A request's future completes only after the transaction holding its events is committed, on a
 * connection with {@code synchronous=FULL}: an acknowledged event survives a crash or power loss. If a batch
 * fails, its requests are retried one by one, so only the request at fault fails (with
 * {@link ErrorCode#STORE_FAILED}). {@link #submit} waits while the queue is full (backpressure), at most
 * {@link #QUEUE_WAIT_SECONDS} seconds. {@link #close()} writes what is queued, then stops. Thread-safe. Futures
 * complete on the writer thread: chain only quick work, or use the {@code *Async} methods.
 */
public final class BatchingIngestor implements AutoCloseable {
    public static final int DEFAULT_MAX_BATCH_EVENTS = 500;
    public static final int DEFAULT_QUEUE_CAPACITY = 4096;
    static final long QUEUE_WAIT_SECONDS = 10;

    /** One submitted request, its events' digests (computed by the submitting thread) and its future. */
    record Request(List<RunEvent> events, List<String> digests, CompletableFuture<IngestResult> future) {}

    private final BlockingQueue<Request> queue;
    private final GroupWriter loop;
    private final Thread writer;
    private volatile boolean closed;

    public BatchingIngestor(MeshStore store) {
        this(store, new LineageIngestor(), DEFAULT_MAX_BATCH_EVENTS, DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * @param maxBatchEvents the most events one transaction takes (a larger request is never split)
     * @param queueCapacity the most requests waiting
     */
    public BatchingIngestor(MeshStore store, LineageIngestor ingestor, int maxBatchEvents, int queueCapacity) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(ingestor, "ingestor");
        if (maxBatchEvents < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("maxBatchEvents and queueCapacity must be positive");
        }
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.loop = new GroupWriter(store, ingestor, queue, maxBatchEvents, () -> closed);
        this.writer =
                Thread.ofPlatform().name("meshpilot-lineage-writer").daemon().start(loop);
    }

    /** Queues {@code events}; the future completes when they are committed, or fails. */
    public CompletableFuture<IngestResult> submit(List<RunEvent> events) {
        CompletableFuture<IngestResult> future = new CompletableFuture<>();
        if (events.isEmpty()) {
            future.complete(IngestResult.EMPTY);
            return future;
        }
        Request request = new Request(List.copyOf(events), LineageIngestor.digests(events), future);
        try {
            if (stopped() || !queue.offer(request, QUEUE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                future.completeExceptionally(
                        refused(stopped() ? "the ingestor is closed" : "the ingest queue is full"));
                return future;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.completeExceptionally(refused("interrupted while waiting for room in the ingest queue"));
            return future;
        }
        if (stopped() && queue.remove(request)) {
            future.completeExceptionally(refused("the ingestor is closed"));
        }
        return future;
    }

    /** Writes every queued request, then stops the writer thread. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stopped() {
        return closed || loop.stopped();
    }

    private static MeshpilotException refused(String why) {
        return new MeshpilotException(ErrorCode.STORE_FAILED, why + "; the events were not stored, retry later");
    }
}
