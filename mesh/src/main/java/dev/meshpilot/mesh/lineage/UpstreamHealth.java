package dev.meshpilot.mesh.lineage;

import dev.meshpilot.mesh.lineage.LineageGraph.Direction;
import dev.meshpilot.mesh.lineage.LineageGraph.ProductHop;
import dev.meshpilot.mesh.store.MeshStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * "The earliest failing or late ancestor", for triage: walks upstream from a product over the
 * {@link LineageGraph}, reads each ancestor's run health from the store as it was at {@code asOf}, and
 * returns the ancestors whose latest run failed (or was aborted) or that are past their freshness SLO.
 *
 * <pre>{@code
 * List<Suspect> s = new UpstreamHealth(store, graph).suspects("finance.revenue_daily", asOf, 10);
 * s.get(0); // the probable root cause: a suspect with no suspect upstream of it, farthest upstream first
 * }</pre>
 *
 * <p>Order: roots first (a suspect none of whose own ancestors, within {@code maxDepth} of the start, is a
 * suspect), then farthest upstream first (depth descending), then the more severe status
 * ({@code FAILED_AND_LATE}, {@code FAILED}, {@code LATE}), then the longest without a success, then id. The
 * start product itself is not judged. A product without a freshness SLO is never late. On a cycle of
 * suspects, none of them is a root. Thread-safe; fails like {@link LineageGraph#products}.
 */
public final class UpstreamHealth {
    /** Why an ancestor is a suspect. */
    public enum Status {
        FAILED,
        LATE,
        FAILED_AND_LATE;

        int severity() {
            return this == FAILED_AND_LATE ? 0 : this == FAILED ? 1 : 2;
        }
    }

    /**
     * A failing or late ancestor.
     *
     * @param depth hops upstream of the start product (shortest)
     * @param path product ids from the start product to this one, both included
     * @param lastRunState the state of its latest run as at {@code asOf} (null when it has no run)
     * @param lastRunAt when that run ended, else when it started
     * @param errorMessage that run's error message, if any
     * @param lastSuccessAt the end of its latest successful run at or before {@code asOf}, or null
     * @param lateBy how far past its freshness target, or null when not late (or late but never succeeded)
     * @param root true when no ancestor of its own (within the walk) is a suspect
     */
    public record Suspect(
            String productId,
            int depth,
            List<String> path,
            Status status,
            String lastRunState,
            Instant lastRunAt,
            String errorMessage,
            Instant lastSuccessAt,
            Duration lateBy,
            boolean root) {
        public Suspect {
            Objects.requireNonNull(productId, "productId");
            path = List.copyOf(path);
            Objects.requireNonNull(status, "status");
        }
    }

    private static final Comparator<Suspect> ORDER = Comparator.comparing((Suspect s) -> !s.root())
            .thenComparing(Suspect::depth, Comparator.reverseOrder())
            .thenComparingInt(s -> s.status().severity())
            .thenComparing(Suspect::lastSuccessAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Suspect::productId);

    private final MeshStore store;
    private final LineageGraph graph;

    public UpstreamHealth(MeshStore store, LineageGraph graph) {
        this.store = store;
        this.graph = graph;
    }

    /** The failing or late ancestors of {@code productId} within {@code maxDepth} hops, root causes first. */
    public List<Suspect> suspects(String productId, Instant asOf, int maxDepth) {
        Objects.requireNonNull(asOf, "asOf");
        List<ProductHop> hops = graph.products(productId, Direction.UPSTREAM, maxDepth);
        Map<String, ProductHop> byId = new HashMap<>();
        hops.forEach(h -> byId.put(h.productId(), h));
        Map<String, RunHealth> health = RunHealth.read(store, new ArrayList<>(byId.keySet()), asOf);
        List<String> flagged = hops.stream()
                .map(ProductHop::productId)
                .filter(id -> health.get(id).failed() || health.get(id).late(asOf))
                .toList();
        Set<String> downstreamOfSuspect = graph.reachedFrom(flagged, byId.keySet(), Direction.DOWNSTREAM);
        List<Suspect> out = new ArrayList<>();
        for (String id : flagged) {
            RunHealth h = health.get(id);
            boolean failed = h.failed();
            boolean late = h.late(asOf);
            Status status = failed && late ? Status.FAILED_AND_LATE : failed ? Status.FAILED : Status.LATE;
            out.add(new Suspect(
                    id,
                    byId.get(id).depth(),
                    path(productId, id, byId),
                    status,
                    h.lastRunState(),
                    h.lastRunAt(),
                    h.errorMessage(),
                    h.lastSuccessAt(),
                    h.lateBy(asOf),
                    !downstreamOfSuspect.contains(id)));
        }
        out.sort(ORDER);
        return out;
    }

    private static List<String> path(String start, String id, Map<String, ProductHop> byId) {
        List<String> reversed = new ArrayList<>();
        for (String at = id; !at.equals(start); at = byId.get(at).via()) {
            reversed.add(at);
        }
        reversed.add(start);
        return reversed.reversed();
    }
}
