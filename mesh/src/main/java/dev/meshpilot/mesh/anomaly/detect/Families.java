package dev.meshpilot.mesh.anomaly.detect;

/**
 * Metric families as bits, and which relate: an upstream anomaly explains a downstream one only on a related
 * family. Volume and values relate to each other (fewer rows move sums, minima and maxima); nulls relate to
 * nulls; timing to timing.
 */
public final class Families {
    public static final int VOLUME = 1;
    public static final int VALUES = 2;
    public static final int NULLS = 4;
    public static final int TIMING = 8;
    /** Schema changes (columns added, removed, retyped): relate only to schema changes. */
    public static final int SCHEMA = 16;

    private Families() {}

    /** Whether two sets of families share a related one. */
    public static boolean related(int a, int b) {
        return (expand(a) & expand(b)) != 0;
    }

    private static int expand(int f) {
        return (f & (VOLUME | VALUES)) != 0 ? f | VOLUME | VALUES : f;
    }

    /** The family's name: volume, values, nulls or timing (the first bit set). */
    public static String name(int f) {
        if ((f & VOLUME) != 0) {
            return "volume";
        }
        if ((f & NULLS) != 0) {
            return "nulls";
        }
        if ((f & VALUES) != 0) {
            return "values";
        }
        if ((f & SCHEMA) != 0) {
            return "schema";
        }
        return "timing";
    }
}
