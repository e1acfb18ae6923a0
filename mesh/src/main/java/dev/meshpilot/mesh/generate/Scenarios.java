package dev.meshpilot.mesh.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Triage incidents planted on the last day of a generated mesh ({@code generate --incidents N}), each with its
 * answer written before any agent runs, one kind in turn:
 *
 * <ul>
 *   <li>{@code schema_upstream}: an input renames a column (its schema facet changes) and a consumer's run
 *       fails with Snowflake's "invalid identifier"; the root is the input, class schema_mismatch;
 *   <li>{@code nulls_upstream}: an ancestor two to four hops up loads its first column 35% null, the products
 *       between echo it, and the consumer's null check fails; the root is the ancestor, class null_explosion;
 *   <li>{@code volume_upstream}: an ancestor two to four hops up loads 40% of its usual rows, the products between
 *       echo it, and the consumer's row-count check fails; the root is the ancestor, class upstream_late (part of
 *       the input had not arrived);
 *   <li>{@code recovered}: a run dies in the cluster and a retry 25 minutes later succeeds within its freshness
 *       SLO; the root is the product itself, class infrastructure, and nothing is impacted.
 * </ul>
 *
 * Planted products are disjoint; on the last day no run fails by chance, so each planted incident has one
 * cause. Deterministic in the seed.
 */
final class Scenarios {
    enum Kind {
        SCHEMA_UPSTREAM,
        NULLS_UPSTREAM,
        VOLUME_UPSTREAM,
        RECOVERED
    }

    /** What one product's last-day run does differently. */
    record Effect(String error, double rowsFactor, double nullShare, int renamed, boolean retry) {
        static final Effect NONE = new Effect(null, 1, -1, -1, false);
    }

    /** A planted incident: where it is opened, its root and class, and whether it recovered. */
    record Planted(Kind kind, int incident, int root, String errorClass, boolean recovered) {}

    static final double NULL_SHARE = 0.35;
    static final double VOLUME_SHARE = 0.4;
    static final Scenarios NONE = new Scenarios(List.of(), Map.of());

    private final List<Planted> planted;
    private final Map<Integer, Effect> lastDay;

    private Scenarios(List<Planted> planted, Map<Integer, Effect> lastDay) {
        this.planted = planted;
        this.lastDay = lastDay;
    }

    boolean active() {
        return !planted.isEmpty();
    }

    List<Planted> planted() {
        return planted;
    }

    Effect effect(int product) {
        return lastDay.getOrDefault(product, Effect.NONE);
    }

    static Scenarios plan(MeshPlan plan, int count) {
        if (count <= 0) {
            return NONE;
        }
        List<ProductPlan> products = plan.products();
        Lineage lineage = plan.lineage();
        Set<Integer> used = new HashSet<>();
        List<Set<Integer>> above = new ArrayList<>(); // each planted incident's ancestors, to keep causes apart
        List<Planted> planted = new ArrayList<>();
        Map<Integer, Effect> effects = new HashMap<>();
        Rng rng = Rng.of(plan.spec().seed(), "scenarios");
        int tries = 0;
        while (planted.size() < count && tries++ < count * 50) {
            Kind kind = Kind.values()[planted.size() % Kind.values().length];
            int p = rng.nextInt(products.size());
            ProductPlan c = products.get(p);
            if (used.contains(p)) {
                continue;
            }
            switch (kind) {
                case RECOVERED -> {
                    if (!apart(lineage, p, Set.of(p), used, above)) {
                        continue;
                    }
                    used.add(p);
                    effects.put(p, new Effect(Failure.INFRASTRUCTURE.describe(c, null, rng), 1, -1, -1, true));
                    planted.add(new Planted(kind, p, p, Failure.INFRASTRUCTURE.wireName(), true));
                }
                case SCHEMA_UPSTREAM -> {
                    if (c.source()) {
                        continue;
                    }
                    int u = lineage.upstream(p, 0);
                    ProductPlan up = products.get(u);
                    if (used.contains(u) || up.columns().size() < 2 || !apart(lineage, p, Set.of(p, u), used, above)) {
                        continue;
                    }
                    used.add(p);
                    used.add(u);
                    int col = 1 + rng.nextInt(up.columns().size() - 1);
                    String name = up.columns().get(col).name();
                    effects.put(u, new Effect(null, 1, -1, col, false));
                    effects.put(
                            p,
                            new Effect(
                                    "SQL compilation error: error line 1 at position 7 invalid identifier '"
                                            + name.toUpperCase(Locale.ROOT) + "'",
                                    1,
                                    -1,
                                    -1,
                                    false));
                    planted.add(new Planted(kind, p, u, "schema_mismatch", false));
                }
                case NULLS_UPSTREAM, VOLUME_UPSTREAM -> {
                    List<Integer> chain = chain(lineage, p, 2 + rng.nextInt(3));
                    if (chain == null
                            || chain.stream().anyMatch(used::contains)
                            || !apart(lineage, p, new HashSet<>(chain), used, above)) {
                        continue;
                    }
                    used.addAll(chain);
                    int root = chain.getLast();
                    boolean nulls = kind == Kind.NULLS_UPSTREAM;
                    for (int k = 1; k < chain.size(); k++) {
                        effects.put(
                                chain.get(k),
                                nulls
                                        ? new Effect(null, 1, NULL_SHARE, -1, false)
                                        : new Effect(null, VOLUME_SHARE, -1, -1, false));
                    }
                    String col = c.columns().getFirst().name();
                    String error = nulls
                            ? String.format(
                                    Locale.ROOT,
                                    "Assertion failed on %s: nullValues(%s) = %.1f%%, expected at most 1%%",
                                    c.dataset(),
                                    col,
                                    NULL_SHARE * 100)
                            : String.format(
                                    Locale.ROOT,
                                    "Assertion failed on %s: rowCount = %d, expected at least %d",
                                    c.dataset(),
                                    Math.round(c.baseRows() * VOLUME_SHARE),
                                    Math.round(c.baseRows() * 0.9));
                    effects.put(p, new Effect(error, nulls ? 1 : VOLUME_SHARE, nulls ? NULL_SHARE : -1, -1, false));
                    planted.add(new Planted(kind, p, root, nulls ? "null_explosion" : "upstream_late", false));
                }
            }
        }
        return new Scenarios(List.copyOf(planted), Map.copyOf(effects));
    }

    /**
     * Whether a scenario opening its incident at {@code p} and changing {@code touched} stays apart from those
     * planted so far: nothing they changed lies above {@code p}, and nothing it changes lies above theirs (records
     * {@code p}'s ancestors in {@code above} when it does).
     */
    private static boolean apart(
            Lineage lineage, int p, Set<Integer> touched, Set<Integer> used, List<Set<Integer>> above) {
        Set<Integer> mine = ancestors(lineage, p, 6);
        if (mine.stream().anyMatch(used::contains)) {
            return false;
        }
        for (Set<Integer> theirs : above) {
            if (touched.stream().anyMatch(theirs::contains)) {
                return false;
            }
        }
        above.add(mine);
        return true;
    }

    private static Set<Integer> ancestors(Lineage lineage, int p, int depth) {
        Set<Integer> out = new HashSet<>();
        List<Integer> frontier = List.of(p);
        for (int d = 0; d < depth && !frontier.isEmpty(); d++) {
            List<Integer> next = new ArrayList<>();
            for (int x : frontier) {
                for (int k = 0; k < lineage.upstreamCount(x); k++) {
                    int u = lineage.upstream(x, k);
                    if (out.add(u)) {
                        next.add(u);
                    }
                }
            }
            frontier = next;
        }
        return out;
    }

    /** {@code p} and its primary inputs up to {@code hops} up, or null when a source comes first. */
    private static List<Integer> chain(Lineage lineage, int p, int hops) {
        List<Integer> out = new ArrayList<>(List.of(p));
        int at = p;
        for (int k = 0; k < hops; k++) {
            if (lineage.upstreamCount(at) == 0) {
                return null;
            }
            at = lineage.upstream(at, 0);
            out.add(at);
        }
        return out;
    }
}
