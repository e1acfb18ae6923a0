package dev.meshpilot.mesh.lineage;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The lineage of the mesh in memory: products, their output ports, datasets (mapped to a product through a
 * port, or unmapped), jobs, job-level edges, and column lineage, held as int ids and primitive adjacency
 * arrays (about 20 bytes a product edge, see docs/lineage.md). Answers upstream and downstream closures at
 * product and column level without touching the store.
 *
 * <pre>{@code
 * LineageGraph graph = LineageGraph.load(store);
 * List<ProductHop> impact = graph.products("payments.transactions", Direction.DOWNSTREAM, 10);
 * graph.apply(events);   // after LineageIngestor committed them; replays change nothing
 * graph.reload(store);   // after a workspace load: ports and products may have changed
 * }</pre>
 *
 * <p>Product P feeds product Q when one job reads a port of P and writes a port of Q (P ≠ Q): the same
 * definition as {@link ProductLineage}, which walks the store instead. A path through an unmapped dataset
 * (job 1 writes a scratch table that job 2 reads) is not a product edge; at column level it is followed.
 *
 * <p>Thread-safe: queries share a read lock, {@link #apply} takes the write lock, {@link #reload} reads the
 * store without any lock and swaps the new state in at once (re-applying events that arrived meanwhile).
 * Fails with {@link ErrorCode#NOT_FOUND} for an unknown product, {@link ErrorCode#USAGE} for a negative
 * depth, {@link ErrorCode#STORE_FAILED} when the store cannot be read.
 */
public final class LineageGraph {
    /** Which way to walk: towards the sources, or towards the consumers. */
    public enum Direction {
        UPSTREAM,
        DOWNSTREAM
    }

    /**
     * A product {@code depth} hops from the start (its shortest distance), reached through {@code via}: the
     * product one hop nearer the start (the start itself at depth 1; the smallest id when several qualify).
     */
    public record ProductHop(String productId, int depth, String via) {}

    /** A column of a dataset; {@code productId} is null when the dataset matches no output port. */
    public record ColumnRef(String productId, String namespace, String dataset, String column) {
        public ColumnRef {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(column, "column");
        }
    }

    /**
     * A column {@code depth} hops from the start column, reached from {@code via} (one hop nearer) by
     * {@code transformation} (e.g. {@code DIRECT/IDENTITY}; null when the event did not say).
     */
    public record ColumnHop(ColumnRef column, int depth, ColumnRef via, String transformation) {}

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object reloading = new Object();
    private GraphState state;
    private List<RunEvent> duringReload;

    private LineageGraph(GraphState state) {
        this.state = state;
    }

    /** Builds the graph from the store's products, ports, {@code lineage_edge} and {@code column_lineage}. */
    public static LineageGraph load(MeshStore store) {
        return new LineageGraph(GraphLoader.load(store));
    }

    /**
     * Adds what {@code events} say about lineage (inputs, outputs, column lineage), as the ingestor stores it.
     * Idempotent: an edge already known changes nothing. A dataset that matches no port becomes an unmapped
     * node. Call it with events that were (or are being) stored, so that a {@link #reload} agrees.
     */
    public void apply(List<RunEvent> events) {
        List<RunEvent> copy = List.copyOf(events);
        lock.writeLock().lock();
        try {
            copy.forEach(state::apply);
            if (duringReload != null) {
                duringReload.addAll(copy);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Rebuilds from the store (after a workspace load) and swaps atomically; queries meanwhile see the old. */
    public void reload(MeshStore store) {
        synchronized (reloading) {
            write(() -> duringReload = new ArrayList<>());
            GraphState fresh;
            try {
                fresh = GraphLoader.load(store);
            } catch (RuntimeException e) {
                write(() -> duringReload = null);
                throw e;
            }
            write(() -> {
                duringReload.forEach(fresh::apply);
                duringReload = null;
                state = fresh;
            });
        }
    }

    /**
     * Products upstream or downstream of {@code productId}, up to {@code maxDepth} hops (0 gives none), each
     * at its shortest distance, ordered by depth then id; the start itself is never listed, even on a cycle.
     */
    public List<ProductHop> products(String productId, Direction direction, int maxDepth) {
        checkDepth(maxDepth);
        return read(g -> Walks.products(
                g, direction == Direction.DOWNSTREAM ? g.productDown : g.productUp, product(g, productId), maxDepth));
    }

    /**
     * Columns upstream or downstream of column {@code column} of the output port datasets of {@code productId},
     * up to {@code maxDepth} hops, ordered by depth then {@link ColumnRef} (product, namespace, dataset, column;
     * unmapped datasets last). Empty when no column lineage names that column.
     */
    public List<ColumnHop> columns(String productId, String column, Direction direction, int maxDepth) {
        checkDepth(maxDepth);
        return read(g -> {
            int p = product(g, productId);
            List<Integer> starts = new ArrayList<>();
            int[] ports = g.productPorts.row(p);
            for (int i = 0, n = g.productPorts.size(p); i < n; i++) {
                int c = g.columns.id(ports[i] + GraphState.SEP + column);
                if (c != GraphState.NONE) {
                    starts.add(c);
                }
            }
            return Walks.columns(g, direction == Direction.DOWNSTREAM ? g.columnDown : g.columnUp, starts, maxDepth);
        });
    }

    public boolean contains(String productId) {
        return read(g -> g.products.id(productId) != GraphState.NONE);
    }

    public int productCount() {
        return read(g -> g.products.size());
    }

    /** Job-level edges (job reads dataset, job writes dataset): the rows of {@code lineage_edge} it knows. */
    public long edgeCount() {
        return read(GraphState::jobEdges);
    }

    /** Distinct product-to-product edges derived from the job-level ones. */
    public long productEdgeCount() {
        return read(g -> g.productDown.edges());
    }

    /** Column edges: the rows of {@code column_lineage} it knows. */
    public long columnEdgeCount() {
        return read(g -> g.columnUp.edges());
    }

    /** Datasets known: output ports and every dataset events named, mapped or not. */
    public int datasetCount() {
        return read(g -> g.datasets.size());
    }

    /** An estimate of the heap the graph holds, in bytes (arrays exactly, strings and maps approximately). */
    public long estimatedBytes() {
        return read(GraphState::bytes);
    }

    /**
     * The products of {@code within} reached, in one hop or more, from any of {@code sources} walking
     * {@code direction} without leaving {@code within}. For {@link UpstreamHealth}: which suspects have a
     * suspect upstream.
     */
    Set<String> reachedFrom(Collection<String> sources, Set<String> within, Direction direction) {
        return read(g -> {
            IntRows adjacency = direction == Direction.DOWNSTREAM ? g.productDown : g.productUp;
            boolean[] inside = new boolean[g.products.size()];
            within.forEach(id -> inside[product(g, id)] = true);
            boolean[] reached = new boolean[inside.length];
            List<Integer> queue = new ArrayList<>();
            sources.forEach(id -> queue.add(product(g, id)));
            Set<String> out = new HashSet<>();
            for (int q = 0; q < queue.size(); q++) {
                int u = queue.get(q);
                int[] row = adjacency.row(u);
                for (int k = 0, n = adjacency.size(u); k < n; k++) {
                    int v = row[k];
                    if (inside[v] && !reached[v]) {
                        reached[v] = true;
                        out.add(g.products.name(v));
                        queue.add(v);
                    }
                }
            }
            return out;
        });
    }

    private static int product(GraphState g, String productId) {
        int p = g.products.id(productId);
        if (p == GraphState.NONE) {
            throw new MeshpilotException(
                    ErrorCode.NOT_FOUND,
                    "no product '" + productId + "' in the lineage graph (list them with: " + "meshpilot products)");
        }
        return p;
    }

    private static void checkDepth(int maxDepth) {
        if (maxDepth < 0) {
            throw new MeshpilotException(ErrorCode.USAGE, "maxDepth must be 0 or more, got " + maxDepth);
        }
    }

    private <T> T read(Function<GraphState, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(state);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
