package dev.meshpilot.mesh.lineage;

import dev.meshpilot.mesh.lineage.LineageGraph.ColumnHop;
import dev.meshpilot.mesh.lineage.LineageGraph.ColumnRef;
import dev.meshpilot.mesh.lineage.LineageGraph.ProductHop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Breadth-first walks over a {@link GraphState}, level by level: each level is visited in sorted order, so a
 * node's {@code via} is the smallest (by id, or by {@link ColumnRef} order) node of the level before that
 * reaches it, and results come in (depth, then name) order. Callers hold the graph's read lock.
 */
final class Walks {
    static final Comparator<ColumnRef> COLUMN_ORDER = Comparator.comparing(
                    ColumnRef::productId, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(ColumnRef::namespace)
            .thenComparing(ColumnRef::dataset)
            .thenComparing(ColumnRef::column);

    private static final int UNSEEN = -2;
    private static final int START = -1;

    private Walks() {}

    /** Products reachable from product {@code start} over {@code adjacency}, at most {@code maxDepth} hops. */
    static List<ProductHop> products(GraphState g, IntRows adjacency, int start, int maxDepth) {
        int[] via = new int[g.products.size()];
        Arrays.fill(via, UNSEEN);
        via[start] = START;
        List<ProductHop> out = new ArrayList<>();
        int[] frontier = {start};
        int size = 1;
        int[] next = new int[16];
        for (int depth = 1; depth <= maxDepth && size > 0; depth++) {
            int found = 0;
            for (int f = 0; f < size; f++) {
                int u = frontier[f];
                int[] row = adjacency.row(u);
                for (int k = 0, n = adjacency.size(u); k < n; k++) {
                    int v = row[k];
                    if (via[v] == UNSEEN) {
                        via[v] = u;
                        if (found == next.length) {
                            next = Arrays.copyOf(next, found * 2);
                        }
                        next[found++] = v;
                    }
                }
            }
            Arrays.sort(next, 0, found);
            for (int i = 0; i < found; i++) {
                out.add(new ProductHop(g.products.name(next[i]), depth, g.products.name(via[next[i]])));
            }
            int[] swap = frontier;
            frontier = next;
            next = swap.length >= 16 ? swap : new int[16];
            size = found;
        }
        return out;
    }

    /** Columns reachable from {@code starts} over {@code adjacency}, at most {@code maxDepth} hops. */
    static List<ColumnHop> columns(GraphState g, IntRows adjacency, List<Integer> starts, int maxDepth) {
        int[] via = new int[g.columns.size()];
        Arrays.fill(via, UNSEEN);
        int[] how = new int[g.columns.size()];
        List<Integer> frontier = new ArrayList<>();
        for (int s : starts) {
            via[s] = START;
            frontier.add(s);
        }
        frontier.sort(Comparator.comparing(c -> ref(g, c), COLUMN_ORDER));
        List<ColumnHop> out = new ArrayList<>();
        for (int depth = 1; depth <= maxDepth && !frontier.isEmpty(); depth++) {
            List<Integer> next = new ArrayList<>();
            for (int u : frontier) {
                int[] row = adjacency.row(u);
                int[] labels = adjacency.labels(u);
                for (int k = 0, n = adjacency.size(u); k < n; k++) {
                    int v = row[k];
                    if (via[v] == UNSEEN) {
                        via[v] = u;
                        how[v] = labels[k];
                        next.add(v);
                    }
                }
            }
            List<ColumnRef> refs = new ArrayList<>(next.size());
            next.forEach(c -> refs.add(ref(g, c)));
            Integer[] order = sortedIndexes(refs);
            List<Integer> sorted = new ArrayList<>(next.size());
            for (int i : order) {
                int c = next.get(i);
                sorted.add(c);
                String t = how[c] == GraphState.NONE ? null : g.transformations.name(how[c]);
                out.add(new ColumnHop(refs.get(i), depth, ref(g, via[c]), t));
            }
            frontier = sorted;
        }
        return out;
    }

    static ColumnRef ref(GraphState g, int column) {
        int dataset = g.columnDataset[column];
        String key = g.datasets.name(dataset);
        int sep = key.indexOf(GraphState.SEP);
        int product = g.datasetProduct[dataset];
        return new ColumnRef(
                product == GraphState.NONE ? null : g.products.name(product),
                key.substring(0, sep),
                key.substring(sep + 1),
                GraphState.field(g.columns.name(column)));
    }

    private static Integer[] sortedIndexes(List<ColumnRef> refs) {
        Integer[] order = new Integer[refs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(refs::get, COLUMN_ORDER));
        return order;
    }
}
