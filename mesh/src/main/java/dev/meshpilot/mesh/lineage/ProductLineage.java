package dev.meshpilot.mesh.lineage;

import dev.meshpilot.mesh.store.MeshStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Product-level lineage over the store: product A feeds product B when a job reads one of A's output
 * ports and writes one of B's. Breadth-first, so each product is reported at its shortest distance.
 * Thread-safe.
 */
public final class ProductLineage {
    /** Which way to walk. */
    public enum Direction {
        UPSTREAM,
        DOWNSTREAM
    }

    /** A product reached from the start, {@code depth} hops away, through {@code via} (the nearer product). */
    public record Hop(String productId, int depth, String via) {}

    private final MeshStore store;

    public ProductLineage(MeshStore store) {
        this.store = store;
    }

    /** Every product reachable from {@code productId} in {@code direction}, up to {@code maxDepth} hops. */
    public List<Hop> walk(String productId, Direction direction, int maxDepth) {
        return store.withHandle(h -> {
            Map<String, Hop> seen = new LinkedHashMap<>();
            Map<String, List<String>> cache = new HashMap<>();
            Deque<Hop> queue = new ArrayDeque<>(List.of(new Hop(productId, 0, null)));
            seen.put(productId, queue.peek());
            while (!queue.isEmpty()) {
                Hop hop = queue.poll();
                if (hop.depth() >= maxDepth) {
                    continue;
                }
                for (String next : cache.computeIfAbsent(hop.productId(), p -> neighbours(h, p, direction))) {
                    if (!seen.containsKey(next)) {
                        Hop n = new Hop(next, hop.depth() + 1, hop.productId());
                        seen.put(next, n);
                        queue.add(n);
                    }
                }
            }
            List<Hop> out = new ArrayList<>(seen.values());
            out.remove(0);
            return out;
        });
    }

    private static List<String> neighbours(Handle h, String productId, Direction direction) {
        String from = direction == Direction.DOWNSTREAM ? "in" : "out";
        String to = direction == Direction.DOWNSTREAM ? "out" : "in";
        return h.createQuery("SELECT DISTINCT p2.product_id FROM product_port p1 "
                        + "JOIN lineage_edge e1 ON e1.dataset_namespace = p1.namespace AND e1.dataset_name = p1.name "
                        + "AND e1.direction = :from "
                        + "JOIN lineage_edge e2 ON e2.job_namespace = e1.job_namespace AND e2.job_name = e1.job_name "
                        + "AND e2.direction = :to "
                        + "JOIN product_port p2 ON p2.namespace = e2.dataset_namespace AND p2.name = e2.dataset_name "
                        + "WHERE p1.product_id = :id AND p2.product_id <> :id ORDER BY p2.product_id")
                .bind("from", from)
                .bind("to", to)
                .bind("id", productId)
                .mapTo(String.class)
                .list();
    }
}
