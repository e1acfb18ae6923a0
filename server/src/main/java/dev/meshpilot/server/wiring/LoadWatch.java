package dev.meshpilot.server.wiring;

import dev.meshpilot.mesh.lineage.LineageGraph;
import dev.meshpilot.mesh.search.SearchIndex;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.Objects;

/**
 * Keeps the lineage graph and the search index of a long-running process in step with workspace loads made by
 * another process ({@code meshpilot load} while the server runs): before each use it reads the store's
 * {@code mesh_info.loaded_at} (one primary-key row) and, when a load happened since, reloads the graph and
 * syncs the index (re-embedding only changed documents). Thread-safe.
 */
final class LoadWatch {
    private final MeshStore store;
    private final Lazy<LineageGraph> graph;
    private final Lazy<SearchIndex> index;
    private String graphStamp;
    private String indexStamp;

    LoadWatch(MeshStore store, Lazy<LineageGraph> graph, Lazy<SearchIndex> index) {
        this.store = store;
        this.graph = graph;
        this.index = index;
    }

    LineageGraph graph() {
        boolean fresh = graph.ifMade().isEmpty();
        LineageGraph g = graph.get();
        String stamp = stamp();
        synchronized (this) {
            if (fresh && graphStamp == null) {
                graphStamp = stamp;
            } else if (!Objects.equals(stamp, graphStamp)) {
                g.reload(store);
                graphStamp = stamp;
            }
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
