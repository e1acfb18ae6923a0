package dev.meshpilot.server.wiring;

import dev.meshpilot.mesh.incident.Incidents;
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
 * already applied, is harmless. The index follows those events too: incidents they opened or updated (newer
 * {@code updated_at}, looked at {@link #CLOCK_SKEW} back) are indexed again. Thread-safe.
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
    private long indexHead = -1;
    /** Incidents indexed as of their {@code updated_at}, for the last {@link #CLOCK_SKEW} before the newest. */
    private final java.util.Map<String, String> indexedIncidents = new java.util.HashMap<>();

    private boolean incidentsRead;

    /** How far back incidents are looked at again: replicas' clocks may disagree by this much. */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(10);

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
        long head = feed.head();
        SearchIndex i = index.get();
        String stamp = stamp();
        synchronized (this) {
            if (fresh && indexStamp == null) {
                indexStamp = stamp;
                incidentsChanged(); // remembers what is indexed now
            } else if (!Objects.equals(stamp, indexStamp)) {
                i.sync(store);
                indexStamp = stamp;
                incidentsChanged();
            } else if (head > indexHead && indexHead >= 0) {
                // events another process committed may have opened or updated incidents: index those
                List<String> changed = incidentsChanged();
                if (!changed.isEmpty()) {
                    i.updateIncidents(store, changed);
                }
            }
            indexHead = Math.max(indexHead, head);
        }
        return i;
    }

    /**
     * The incidents updated since the newest one seen (less {@link #CLOCK_SKEW}) whose {@code updated_at} differs
     * from what was indexed; remembers them as indexed.
     */
    private List<String> incidentsChanged() {
        String newest =
                indexedIncidents.values().stream().max(String::compareTo).orElse(null);
        String from = newest == null
                ? null
                : java.time.Instant.parse(newest).minus(CLOCK_SKEW).toString();
        boolean first = !incidentsRead;
        incidentsRead = true;
        java.util.Map<String, String> recent = new Incidents(store).updatedSince(from);
        List<String> changed = new java.util.ArrayList<>();
        recent.forEach((id, at) -> {
            if (!at.equals(indexedIncidents.get(id))) {
                changed.add(id);
            }
        });
        indexedIncidents.putAll(recent);
        if (from != null) {
            indexedIncidents.values().removeIf(at -> at.compareTo(from) < 0);
        }
        return first ? List.of() : changed;
    }

    private String stamp() {
        return store.loadedAt();
    }
}
