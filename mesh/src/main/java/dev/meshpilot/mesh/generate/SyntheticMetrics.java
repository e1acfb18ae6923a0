package dev.meshpilot.mesh.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The daily metrics of a generated mesh with anomalies injected, and the ground truth: six series per product
 * ({@link #METRICS}) over weekly seasonality (most products are busier on Friday to Sunday), a slow ramp and
 * noise, with {@code anomalies} drops, spikes, null explosions, level shifts and late runs injected at root
 * products and propagated to the consumers that read them as their primary input, up to two hops. The same
 * numbers go into the run events {@code meshpilot generate --anomalies N} writes. Deterministic for a spec.
 *
 * <pre>{@code
 * SyntheticMetrics m = SyntheticMetrics.of(GeneratorSpec.of(10_000, 90, 7), 1_000);
 * double rows = m.value(SyntheticMetrics.ROW_COUNT, product, day);
 * }</pre>
 */
public final class SyntheticMetrics {
    public static final int ROW_COUNT = 0;
    public static final int BYTES = 1;
    public static final int DISTINCT_COUNT = 2;
    public static final int NULL_RATE = 3;
    public static final int END_OFFSET = 4;
    public static final int RUN_DURATION = 5;
    /** The metric names, by index. */
    public static final List<String> METRICS =
            List.of("row_count", "bytes", "distinct_count", "null_rate", "end_offset_s", "run_duration_s");

    private final GeneratorSpec spec;
    private final String[] ids;
    private final int[][] upstream;
    private final double[][] values;
    private final List<Injections.Truth> truth;
    private final Injections injections;

    private SyntheticMetrics(MeshPlan plan, int anomalies) {
        this.spec = plan.spec();
        int n = plan.products().size();
        int days = spec.days();
        ids = new String[n];
        upstream = new int[n][];
        for (int p = 0; p < n; p++) {
            ids[p] = plan.products().get(p).id();
            upstream[p] = new int[plan.lineage().upstreamCount(p)];
            for (int k = 0; k < upstream[p].length; k++) {
                upstream[p][k] = plan.lineage().upstream(p, k);
            }
        }
        Injections inj = Injections.plan(plan, anomalies);
        injections = inj;
        truth = inj.truth();
        values = new double[METRICS.size()][n * days];
        for (int p = 0; p < n; p++) {
            ProductPlan pp = plan.products().get(p);
            boolean weekly = p % 4 != 3;
            double nullBase = 0.005 + 0.005 * (p % 5);
            double durationBase = 120 + Rng.of(spec.seed(), "duration", p).nextDouble() * 2400;
            double offset = 18.0 * 3600 * p / n;
            for (int d = 0; d < days; d++) {
                Rng rng = Rng.of(spec.seed(), "metrics", p, d);
                int dow = (int) Math.floorMod(Math.floorDiv(time(d), 86_400L) + 3, 7L);
                double season = weekly ? WEEK[dow] : 1.0;
                double volume = season * (1 + 0.002 * d) * (1 + 0.03 * (2 * rng.nextDouble() - 1)) * inj.volume(p, d);
                double rows = Math.max(1, Math.round(pp.baseRows() * volume));
                int i = p * days + d;
                values[ROW_COUNT][i] = rows;
                values[BYTES][i] = Math.round(rows * pp.rowBytes() * (1 + 0.01 * (2 * rng.nextDouble() - 1)));
                values[DISTINCT_COUNT][i] = Math.round(rows * 0.98 * (1 + 0.005 * (2 * rng.nextDouble() - 1)));
                values[NULL_RATE][i] =
                        Math.min(1, nullBase * (1 + 0.05 * (2 * rng.nextDouble() - 1)) + inj.nulls(p, d));
                double duration = durationBase * (1 + 0.1 * (2 * rng.nextDouble() - 1));
                values[RUN_DURATION][i] = Math.round(duration);
                values[END_OFFSET][i] = Math.round(offset + rng.nextDouble() * 300 + duration + inj.late(p, d));
            }
        }
    }

    private static final double[] WEEK = {1.0, 1.0, 1.0, 1.0, 1.08, 1.19, 1.14};

    /** The metrics of the mesh {@code spec} describes, with {@code anomalies} injected (0: a clean mesh). */
    public static SyntheticMetrics of(GeneratorSpec spec, int anomalies) {
        return new SyntheticMetrics(ProductPlanner.plan(spec), anomalies);
    }

    static SyntheticMetrics of(MeshPlan plan, int anomalies) {
        return new SyntheticMetrics(plan, anomalies);
    }

    public int products() {
        return ids.length;
    }

    public int days() {
        return spec.days();
    }

    public String id(int product) {
        return ids[product];
    }

    /** The products a product reads, by index (all lower than its own). */
    public int[] upstream(int product) {
        return upstream[product].clone();
    }

    /** The time of day {@code day}'s point: midnight UTC of the day the run ran, epoch seconds. */
    public long time(int day) {
        Instant start = EventWriter.windowStart(spec).plus(Duration.ofDays(day));
        return start.getEpochSecond() - Math.floorMod(start.getEpochSecond(), 86_400L);
    }

    public double value(int metric, int product, int day) {
        return values[metric][product * spec.days() + day];
    }

    /** The series of one metric of one product, oldest first, copied into {@code out} (length ≥ days). */
    public void series(int metric, int product, double[] out) {
        System.arraycopy(values[metric], product * spec.days(), out, 0, spec.days());
    }

    /** Seconds a run ends late on a day by injection (0 for most). */
    double late(int product, int day) {
        return injections.late(product, day);
    }

    /** What was injected, by root, with its echoes. */
    public List<Injections.Truth> truth() {
        return truth;
    }
}
