package dev.meshpilot.server.wiring;

import dev.meshpilot.mesh.lineage.LineageGraph;
import dev.meshpilot.mesh.openlineage.EventFeed;
import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.search.SearchIndex;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the lineage graph and the search index of a long-running process in step with workspace loads made by
 * another process ({@code meshpilot load} while the server runs): before each use it reads the store's
 * {@code mesh_info.loaded_at} (one primary-key row) and, when a load happened since, reloads the graph and
 * syncs the index (re-embedding only changed documents). The graph also follows events other processes (other
 * replicas on one PostgreSQL store, or {@code meshpilot ingest}) committed: the store numbers them in commit order
 * ({@link EventFeed}), and the events after the last number seen are applied to the graph (a reload when there
 * are more than {@link #MAX_APPLIED}). Applying an event twice changes nothing, so the process's own ingest,
 * already applied, is harmless. Thread-safe.
 */
final class LoadWatch {
    static final int MAX_APPLIED = 10_000;

    private final MeshStore store;
    private final EventFeed feed;
    private final Lazy<LineageGraph> graph;
    private final Lazy<SearchIndex> index;
    private String graphStamp;
    private String indexStamp;
    private long graphHead;

    LoadWatch(MeshStore store, Lazy<LineageGraph> graph, Lazy<SearchIndex> index) {
        this.store = store;
        this.feed = new EventFeed(store);
        this.graph = graph;
        this.index = index;
    }

    LineageGraph graph() {
        boolean fresh = graph.ifMade().isEmpty();
        long head = feed.head(); // before a first load: events in between are applied again, which is harmless
        LineageGraph g = graph.get();
        String stamp = stamp();
        synchronized (this) {
            if (fresh && graphStamp == null) {
                graphStamp = stamp;
            } else if (!Objects.equals(stamp, graphStamp)) {
                g.reload(store);
                graphStamp = stamp;
            } else if (head > graphHead) {
                Optional<List<RunEvent>> events = feed.between(graphHead, head, MAX_APPLIED);
                if (events.isPresent()) {
                    g.apply(events.get());
                } else {
                    g.reload(store);
                }
            }
            graphHead = Math.max(graphHead, head);
        }
        return g;
    }

    SearchIndex index() {
        boolean fresh = index.ifMade().isEmpty();
        SearchIndex i = index.get();
        String stamp = stamp();
        synchronized (this) {
            if (fresh && indexStamp == null) {
                indexStamp = stamp;
            } else if (!Objects.equals(stamp, indexStamp)) {
                i.sync(store);
                indexStamp = stamp;
            }
        }
        return i;
    }

    private String stamp() {
        return store.loadedAt();
    }
}
