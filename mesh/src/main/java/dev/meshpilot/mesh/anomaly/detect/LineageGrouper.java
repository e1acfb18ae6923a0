package dev.meshpilot.mesh.anomaly.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Groups anomalies along lineage: an anomaly upstream explains a downstream one on a related family that
 * starts no earlier and within a propagation lag of one run cycle per hop (plus an hour). Anomalies nothing
 * explains are roots; every other joins the furthest-upstream root that explains it (ties: earliest start,
 * then the larger weight), or the root of an anomaly that explains it, with its hop distance. Stateless.
 *
 * <pre>{@code
 * List<LineageGrouper.Group> groups = LineageGrouper.group(events, product -> ancestorsByHops.get(product));
 * }</pre>
 */
public final class LineageGrouper {
    /** Slack on the lag and on "no earlier", for runs that finish a little apart. */
    static final long SLACK_SECONDS = 3600;

    private LineageGrouper() {}

    /**
     * One anomaly of one product: its families (bits of {@link Families}), when it started (epoch seconds),
     * the run cycle of its product (seconds), and a weight for ties.
     */
    public record Event(int id, String product, int families, long start, long cycle, double weight) {}

    /** A root and its echoes with their hop distance from it. */
    public record Group(Event root, List<Echo> echoes) {}

    /** An echo and how many hops downstream of the root it is. */
    public record Echo(Event event, int hops) {}

    /**
     * @param ancestors a product's ancestors with their hop distance (empty map or null for none)
     */
    public static List<Group> group(List<Event> events, Function<String, Map<String, Integer>> ancestors) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(Event::start).thenComparing(Event::product));
        int n = sorted.size();
        boolean[] explained = new boolean[n];
        for (int d = 0; d < n; d++) {
            for (int u = 0; u < n && !explained[d]; u++) {
                explained[d] = u != d && explains(sorted.get(u), sorted.get(d), ancestors) > 0;
            }
        }
        int[] rootOf = new int[n];
        int[] hopsOf = new int[n];
        for (int d = 0; d < n; d++) {
            rootOf[d] = explained[d] ? -1 : d;
        }
        for (int d = 0; d < n; d++) {
            if (explained[d]) {
                assign(sorted, d, explained, rootOf, hopsOf, ancestors);
            }
        }
        List<Group> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (rootOf[r] != r) {
                continue;
            }
            List<Echo> echoes = new ArrayList<>();
            for (int d = 0; d < n; d++) {
                if (d != r && rootOf[d] == r) {
                    echoes.add(new Echo(sorted.get(d), hopsOf[d]));
                }
            }
            echoes.sort(Comparator.comparingInt(Echo::hops)
                    .thenComparing(e -> e.event().product()));
            out.add(new Group(sorted.get(r), echoes));
        }
        return out;
    }

    private static void assign(
            List<Event> sorted,
            int d,
            boolean[] explained,
            int[] rootOf,
            int[] hopsOf,
            Function<String, Map<String, Integer>> ancestors) {
        Event e = sorted.get(d);
        int best = -1;
        int bestHops = 0;
        for (int r = 0; r < sorted.size(); r++) {
            if (explained[r]) {
                continue;
            }
            int h = explains(sorted.get(r), e, ancestors);
            if (h > 0 && (best < 0 || h > bestHops || (h == bestHops && better(sorted.get(r), sorted.get(best))))) {
                best = r;
                bestHops = h;
            }
        }
        if (best < 0) {
            // explained only by a non-root: join that one's root, one chain further
            for (int u = 0; u < d && best < 0; u++) {
                int h = explains(sorted.get(u), e, ancestors);
                if (h > 0 && rootOf[u] >= 0) {
                    best = rootOf[u];
                    bestHops = hopsOf[u] + h;
                }
            }
        }
        rootOf[d] = best < 0 ? d : best;
        hopsOf[d] = best < 0 ? 0 : bestHops;
    }

    private static boolean better(Event a, Event b) {
        return a.start() != b.start() ? a.start() < b.start() : a.weight() > b.weight();
    }

    /** The hops from {@code u} up to {@code d} when u explains d, else 0. */
    static int explains(Event u, Event d, Function<String, Map<String, Integer>> ancestors) {
        if (u.product().equals(d.product()) || !Families.related(u.families(), d.families())) {
            return 0;
        }
        Map<String, Integer> up = ancestors.apply(d.product());
        Integer hops = up == null ? null : up.get(u.product());
        if (hops == null || hops <= 0) {
            return 0;
        }
        long delay = d.start() - u.start();
        long lag = hops * Math.max(u.cycle(), d.cycle()) + SLACK_SECONDS;
        return delay >= -SLACK_SECONDS && delay <= lag ? hops : 0;
    }
}
