package dev.meshpilot.mesh.generate;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.time.Instant;

/**
 * What to generate: {@code products} data products (about one domain per 50), {@code days} days of run
 * events ending before {@code asOf}, drawn from {@code seed}. {@code fanIn} is the average number of
 * upstream products a derived (non-source) product reads; about 20% of products are sources that read
 * none. {@code asOf} becomes the mesh's frozen clock in {@code meshpilot.yaml}.
 *
 * <p>{@code GeneratorSpec.of(300, 7, 42)} takes the defaults: fan-in {@value #DEFAULT_FAN_IN} and
 * {@link #DEFAULT_AS_OF}. An out-of-range value fails with {@link ErrorCode#USAGE} and says what is valid.
 */
public record GeneratorSpec(int products, int days, long seed, int fanIn, Instant asOf) {
    public static final int DEFAULT_FAN_IN = 3;
    public static final Instant DEFAULT_AS_OF = Instant.parse("2026-11-25T09:00:00Z");
    public static final int MAX_PRODUCTS = 1_000_000;
    public static final int MAX_DAYS = 3_650;
    public static final int MAX_FAN_IN = 1_000;
    /** The most lineage edges (products × fan-in) one spec may ask for, to bound memory. */
    public static final long MAX_EDGES = 50_000_000L;

    public GeneratorSpec {
        check("products", products, 1, MAX_PRODUCTS);
        check("days", days, 1, MAX_DAYS);
        check("fan-in", fanIn, 1, MAX_FAN_IN);
        if ((long) products * fanIn > MAX_EDGES) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    "products × fan-in must be at most " + MAX_EDGES + ", was " + (long) products * fanIn
                            + " (lower --products or --fan-in)");
        }
        if (asOf == null) {
            throw new MeshpilotException(ErrorCode.USAGE, "as-of must be given, e.g. " + DEFAULT_AS_OF);
        }
    }

    /** A spec with the default fan-in and as-of clock. */
    public static GeneratorSpec of(int products, int days, long seed) {
        return new GeneratorSpec(products, days, seed, DEFAULT_FAN_IN, DEFAULT_AS_OF);
    }

    /** This spec with another fan-in. */
    public GeneratorSpec withFanIn(int newFanIn) {
        return new GeneratorSpec(products, days, seed, newFanIn, asOf);
    }

    /** This spec with another as-of clock. */
    public GeneratorSpec withAsOf(Instant newAsOf) {
        return new GeneratorSpec(products, days, seed, fanIn, newAsOf);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new MeshpilotException(
                    ErrorCode.USAGE, name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
