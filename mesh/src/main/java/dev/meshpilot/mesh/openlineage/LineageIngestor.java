package dev.meshpilot.mesh.openlineage;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.store.WriteHandles;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Writes validated RunEvents to the store: jobs, datasets, runs, lineage edges, column lineage, metric
 * points, quality results, and incidents for failed runs and failed assertions on products' datasets (see
 * {@code docs/openlineage.md} for what goes where).
 *
 * <pre>{@code
 * LineageIngestor ingestor = new LineageIngestor();
 * IngestResult r = store.inTransaction(h -> ingestor.ingest(h, events)); // in the caller's transaction
 * IngestResult s = ingestor.ingest(store, RunEventFiles.read(file));      // in its own transaction
 * }</pre>
 *
 * <p>Idempotent: an event is identified by the SHA-256 of its canonical JSON, and one already stored is
 * counted as a duplicate and changes nothing. Datasets map to products through {@code product_port}, looked
 * up at ingest time and never stored with the dataset, so reloading a workspace re-maps them. Thread-safe
 * (stateless); SQLite serialises the writers.
 */
public final class LineageIngestor {
    private final Clock clock;

    public LineageIngestor() {
        this(Clock.systemUTC());
    }

    /** {@code clock} gives {@code run_event.received_at}. */
    public LineageIngestor(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes {@code events} with {@code h}: within the caller's transaction if one is open (nothing is
     * committed here, and a rollback takes the events with it), else in a transaction of its own.
     */
    public IngestResult ingest(Handle h, List<RunEvent> events) {
        return ingestEach(h, List.of(events), null).get(0);
    }

    /**
     * Writes {@code events} in one transaction of their own, on a connection that waits for the write lock and
     * syncs the commit to disk; fails with {@link ErrorCode#STORE_FAILED}.
     */
    public IngestResult ingest(MeshStore store, List<RunEvent> events) {
        try (Handle h = WriteHandles.open(store)) {
            return h.inTransaction(tx -> ingest(tx, events));
        } catch (MeshpilotException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MeshpilotException(ErrorCode.STORE_FAILED, "could not store the events: " + e.getMessage(), e);
        }
    }

    /**
     * Writes several requests' events as one batch (shared caches, one write per table); one result each.
     * {@code digests} are the events' digests, computed by the caller's threads; {@code null} to compute here.
     */
    List<IngestResult> ingestEach(Handle h, List<List<RunEvent>> requests, List<List<String>> digests) {
        if (requests.stream().allMatch(List::isEmpty)) {
            return requests.stream().map(r -> IngestResult.EMPTY).toList();
        }
        List<List<String>> ids = digests != null
                ? digests
                : requests.stream().map(LineageIngestor::digests).toList();
        if (h.isInTransaction()) {
            return new IngestBatch(h, clock.instant()).ingest(requests, ids);
        }
        return h.inTransaction(tx -> new IngestBatch(tx, clock.instant()).ingest(requests, ids));
    }

    static List<String> digests(List<RunEvent> events) {
        return events.stream().map(RunEvent::digest).toList();
    }
}
