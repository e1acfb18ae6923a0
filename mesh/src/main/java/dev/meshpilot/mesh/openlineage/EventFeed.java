package dev.meshpilot.mesh.openlineage;

import dev.meshpilot.mesh.store.MeshStore;
import java.util.List;
import java.util.Optional;

/**
 * The events any process committed to the store, in commit order: {@code run_event} rows are numbered (its
 * {@code rowid}, SQLite's implicit one or PostgreSQL's identity column, migration V010), so a reader that remembers
 * the last number it saw reads what other processes ingested since, e.g. a replica keeping its lineage graph in
 * step. Thread-safe.
 */
public final class EventFeed {
    private final MeshStore store;

    public EventFeed(MeshStore store) {
        this.store = store;
    }

    /** The number of the newest committed event, 0 before any. */
    public long head() {
        return store.withHandle(h -> h.createQuery("SELECT coalesce(max(rowid), 0) FROM run_event")
                .mapTo(long.class)
                .one());
    }

    /**
     * The events numbered in ({@code after}, {@code upTo}], oldest first; empty when there are more than
     * {@code max} (the caller then reloads from the store instead).
     */
    public Optional<List<RunEvent>> between(long after, long upTo, int max) {
        List<String> bodies = store.withHandle(h -> h.createQuery(
                        "SELECT body FROM run_event WHERE rowid > :after AND rowid <= :upTo ORDER BY rowid LIMIT :limit")
                .bind("after", after)
                .bind("upTo", upTo)
                .bind("limit", max + 1)
                .mapTo(String.class)
                .list());
        if (bodies.size() > max) {
            return Optional.empty();
        }
        return Optional.of(bodies.stream().map(RunEventParser::parse).toList());
    }
}
