package dev.meshpilot.mesh.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where anomalies are injected into a generated mesh: roots chosen at random (days after the first 30, so
 * every series has history), kinds in turn (drop, spike, null_explosion, level_shift, late), each spreading to
 * the consumers that read the root as their primary input, one and two hops down, on the same day. Roots are
 * spaced so that no two injections touch the same product within a week.
 */
public final class Injections {
    public static final List<String> KINDS = List.of("drop", "spike", "null_explosion", "level_shift", "late");
    static final int HISTORY_DAYS = 30;
    static final int SPACING_DAYS = 7;

    /** One injected anomaly: its kind, root product, day index, and echoes with their hop distance. */
    public record Truth(String kind, String root, int day, List<String> echoes, List<Integer> hops) {}

    private final int days;
    private final Map<Long, double[]> effects = new HashMap<>();
    private final List<Truth> truth = new ArrayList<>();

    private Injections(int days) {
        this.days = days;
    }

    static Injections plan(MeshPlan plan, int count) {
        int n = plan.products().size();
        int days = plan.spec().days();
        Injections out = new Injections(days);
        if (count <= 0 || days <= HISTORY_DAYS + 1) {
            return out;
        }
        List<List<Integer>> children = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            children.add(new ArrayList<>());
        }
        for (int p = 0; p < n; p++) {
            if (plan.lineage().upstreamCount(p) > 0) {
                children.get(plan.lineage().upstream(p, 0)).add(p);
            }
        }
        boolean[] busy = new boolean[n * days];
        Rng rng = Rng.of(plan.spec().seed(), "injections");
        int tries = 0;
        while (out.truth.size() < count && tries++ < count * 50) {
            int root = rng.nextInt(n);
            int day = HISTORY_DAYS + rng.nextInt(days - HISTORY_DAYS);
            String kind = KINDS.get(out.truth.size() % KINDS.size());
            List<int[]> reach = new ArrayList<>(List.of(new int[] {root, 0}));
            for (int c : children.get(root)) {
                reach.add(new int[] {c, 1});
                for (int g : children.get(c)) {
                    reach.add(new int[] {g, 2});
                }
            }
            int last = kind.equals("level_shift") ? days - 1 : kind.equals("null_explosion") ? day + 2 : day;
            if (!free(busy, reach, day, last, days)) {
                continue;
            }
            List<String> echoes = new ArrayList<>();
            List<Integer> hops = new ArrayList<>();
            for (int[] r : reach) {
                for (int d = Math.max(0, day - SPACING_DAYS); d <= Math.min(days - 1, last + SPACING_DAYS); d++) {
                    busy[r[0] * days + d] = true;
                }
                for (int d = day; d <= Math.min(days - 1, last); d++) {
                    out.effect(r[0], d, kind);
                }
                if (r[1] > 0) {
                    echoes.add(plan.products().get(r[0]).id());
                    hops.add(r[1]);
                }
            }
            out.truth.add(new Truth(kind, plan.products().get(root).id(), day, echoes, hops));
        }
        return out;
    }

    private static boolean free(boolean[] busy, List<int[]> reach, int day, int last, int days) {
        for (int[] r : reach) {
            for (int d = day; d <= Math.min(days - 1, last); d++) {
                if (busy[r[0] * days + d]) {
                    return false;
                }
            }
        }
        return true;
    }

    private void effect(int product, int day, String kind) {
        double[] e = effects.computeIfAbsent((long) product * days + day, k -> new double[] {1, 0, 0});
        switch (kind) {
            case "drop" -> e[0] *= 0.4;
            case "spike" -> e[0] *= 2.5;
            case "level_shift" -> e[0] *= 0.55;
            case "null_explosion" -> e[1] += 0.3;
            default -> e[2] += 3 * 3600;
        }
    }

    double volume(int product, int day) {
        double[] e = effects.get((long) product * days + day);
        return e == null ? 1 : e[0];
    }

    double nulls(int product, int day) {
        double[] e = effects.get((long) product * days + day);
        return e == null ? 0 : e[1];
    }

    double late(int product, int day) {
        double[] e = effects.get((long) product * days + day);
        return e == null ? 0 : e[2];
    }

    List<Truth> truth() {
        return List.copyOf(truth);
    }
}
