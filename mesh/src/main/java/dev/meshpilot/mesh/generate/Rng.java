package dev.meshpilot.mesh.generate;

import java.util.List;
import java.util.UUID;

/**
 * A small deterministic random stream (SplitMix64). Each stream is keyed by the seed, a purpose and
 * indices, so any part of the output (a product, a run on a day) can be drawn independently of the order
 * the rest is generated in. Implemented here rather than taken from the JDK so that the bytes a seed
 * produces do not depend on the Java version. Not thread-safe; streams are cheap, make one per use.
 */
final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    private Rng(long state) {
        this.state = state;
    }

    /** A stream for {@code purpose} and the given indices under {@code seed}. */
    static Rng of(long seed, String purpose, long... keys) {
        long s = mix(seed + GOLDEN * purpose.hashCode());
        for (long key : keys) {
            s = mix(s ^ mix(key + GOLDEN));
        }
        return new Rng(s);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) (nextDouble() * bound);
    }

    /** Uniform in [min, max]. */
    int between(int min, int max) {
        return min + nextInt(max - min + 1);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(List<T> values) {
        return values.get(nextInt(values.size()));
    }

    /** A random (version 4) UUID drawn from this stream. */
    UUID uuid() {
        long high = (nextLong() & ~0xF000L) | 0x4000L;
        long low = (nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
