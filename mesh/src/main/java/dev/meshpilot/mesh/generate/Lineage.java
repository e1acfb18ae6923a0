package dev.meshpilot.mesh.generate;

/**
 * The lineage DAG between generated products, by product index. About {@link #SOURCE_SHARE} of products
 * are sources with no upstream; a derived product reads on average {@code fanIn} products with lower
 * indices (so there is never a cycle), chosen with a skew towards low indices so that early products
 * become hubs with many consumers. The first upstream of a product is its primary input. Held as int
 * arrays: a million edges take about 4 MB.
 */
final class Lineage {
    static final double SOURCE_SHARE = 0.2;
    private static final int[] NONE = new int[0];

    private final int[][] upstreams;
    private final long edges;

    private Lineage(int[][] upstreams) {
        this.upstreams = upstreams;
        long inputs = 0;
        for (int[] up : upstreams) {
            inputs += up.length;
        }
        this.edges = inputs + upstreams.length;
    }

    static Lineage plan(long seed, int products, int fanIn) {
        int[][] upstreams = new int[products][];
        boolean[] taken = new boolean[products];
        for (int i = 0; i < products; i++) {
            Rng rng = Rng.of(seed, "lineage", i);
            if (i == 0 || rng.chance(SOURCE_SHARE)) {
                upstreams[i] = NONE;
            } else {
                int count = Math.min(i, 1 + rng.nextInt(2 * fanIn - 1));
                upstreams[i] = count * 2 > i ? allBut(rng, i, i - count, taken) : skewed(rng, i, count, taken);
            }
        }
        return new Lineage(upstreams);
    }

    int size() {
        return upstreams.length;
    }

    boolean isSource(int product) {
        return upstreams[product].length == 0;
    }

    int upstreamCount(int product) {
        return upstreams[product].length;
    }

    int upstream(int product, int k) {
        return upstreams[product][k];
    }

    /** Job-level edges: one per input of every product's job, plus one per output port. */
    long edges() {
        return edges;
    }

    /** {@code count} distinct products below {@code limit}, low indices far more likely. */
    private static int[] skewed(Rng rng, int limit, int count, boolean[] taken) {
        int[] out = new int[count];
        for (int n = 0; n < count; ) {
            double u = rng.nextDouble();
            int j = (int) (limit * u * u);
            if (!taken[j]) {
                taken[j] = true;
                out[n++] = j;
            }
        }
        for (int j : out) {
            taken[j] = false;
        }
        return out;
    }

    /** Every product below {@code limit} except {@code excluded} uniformly chosen ones, ascending. */
    private static int[] allBut(Rng rng, int limit, int excluded, boolean[] taken) {
        for (int n = 0; n < excluded; ) {
            int j = rng.nextInt(limit);
            if (!taken[j]) {
                taken[j] = true;
                n++;
            }
        }
        int[] out = new int[limit - excluded];
        int n = 0;
        for (int j = 0; j < limit; j++) {
            if (taken[j]) {
                taken[j] = false;
            } else {
                out[n++] = j;
            }
        }
        return out;
    }
}
