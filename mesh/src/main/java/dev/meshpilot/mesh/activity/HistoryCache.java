package dev.meshpilot.mesh.activity;

import dev.meshpilot.mesh.store.MeshStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every product's {@link Recorded} series kept in memory between anomaly sweeps, so a sweep over thousands of
 * products reads the store only for what changed. Entries follow the store: a workspace load (a new
 * {@link MeshStore#loadedAt() load stamp}) drops them all, and an accepted OpenLineage event drops the products it
 * touched ({@link MetricChanges}), whichever process ingested it. A product is read again on its next use.
 *
 * <p>Call {@link #refresh()} once before a batch of {@link #read reads}; reads between refreshes may miss events
 * committed meanwhile, as a read from the store in the middle of an ingest would. At most {@link #MAX_POINTS}
 * points are held (16 bytes each); past that, products are read from the store each time. Thread-safe.
 */
public final class HistoryCache {
    /** Points held at most: about 640 MiB of arrays, 15 times a 10,000-product mesh with 90 days of history. */
    static final long MAX_POINTS = 40_000_000L;
    /** More new events than this between two refreshes drop every entry instead of finding what each touched. */
    static final int MAX_EVENTS = 20_000;

    private final MeshStore store;
    private final Recordings recordings;
    private final MetricChanges changes;
    private final long maxPoints;
    private final ConcurrentHashMap<String, Optional<Recorded>> entries = new ConcurrentHashMap<>();
    private final AtomicLong points = new AtomicLong();
    private final Object refreshing = new Object();
    /** Changes when entries are dropped, so a read that raced a refresh does not keep what it read. */
    private volatile long epoch;

    private String stamp;
    private long head = -1;

    public HistoryCache(MeshStore store) {
        this(store, MAX_POINTS);
    }

    HistoryCache(MeshStore store, long maxPoints) {
        this.store = store;
        this.recordings = new Recordings(store);
        this.changes = new MetricChanges(store);
        this.maxPoints = maxPoints;
    }

    /** Drops what a load or the events accepted since the last refresh made stale. */
    public void refresh() {
        synchronized (refreshing) {
            String now = store.loadedAt();
            long newest = changes.head();
            if (!now.equals(stamp) || newest < head) {
                clear();
            } else if (newest > head) {
                Optional<Set<String>> touched = changes.touched(head, newest, MAX_EVENTS);
                if (touched.isEmpty()) {
                    clear();
                } else {
                    epoch++;
                    touched.get().forEach(this::drop);
                }
            }
            stamp = now;
            head = newest;
        }
    }

    /**
     * The product's points in [since, until] (each open when null), from memory when held; empty when none was
     * recorded.
     */
    public Optional<Recorded> read(String product, Instant since, Instant until) {
        Optional<Recorded> all = entries.get(product);
        if (all == null) {
            long seen = epoch;
            all = recordings.read(product, null, null);
            long size = all.map(Recorded::points).orElse(0L);
            if (points.get() + size <= maxPoints) {
                synchronized (refreshing) {
                    if (seen == epoch && entries.putIfAbsent(product, all) == null) {
                        points.addAndGet(size);
                    }
                }
            }
        }
        if (all.isPresent() && !all.get().covers(until)) {
            return recordings.read(product, since, until); // a limit cut what this window needs
        }
        return all.map(r -> r.slice(since, until)).filter(r -> !r.tracks().isEmpty());
    }

    /**
     * Reads into memory every one of {@code products} not held yet, so the first sweep after a start need not
     * read them; stops early at the point limit or when the thread is interrupted. Returns how many it read.
     */
    public int warm(Iterable<String> products) {
        refresh();
        int read = 0;
        for (String p : products) {
            if (Thread.currentThread().isInterrupted() || points.get() >= maxPoints) {
                break;
            }
            if (!entries.containsKey(p)) {
                read(p, null, null);
                read++;
            }
        }
        return read;
    }

    /** Points held now; for tests and status. */
    public long points() {
        return points.get();
    }

    /** Products held now; for tests and status. */
    public int size() {
        return entries.size();
    }

    private void drop(String product) {
        Optional<Recorded> gone = entries.remove(product);
        if (gone != null) {
            points.addAndGet(-gone.map(Recorded::points).orElse(0L));
        }
    }

    private void clear() {
        epoch++;
        entries.clear();
        points.set(0);
    }
}
