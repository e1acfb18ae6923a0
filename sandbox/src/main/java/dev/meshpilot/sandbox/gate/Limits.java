package dev.meshpilot.sandbox.gate;

import java.time.Duration;
import java.util.Objects;

/**
 * The gate's budgets and caps: calls per run and per principal per minute, the timeout of one call, the
 * most items kept of any list in a result (rows of a table included), and the most bytes (UTF-8 JSON) of a
 * result. Immutable.
 *
 * <pre>{@code
 * Limits limits = new Limits(50, 600, Duration.ofSeconds(10), 200, 64 * 1024); // = Limits.DEFAULT
 * }</pre>
 */
public record Limits(int maxCallsPerRun, int maxCallsPerMinute, Duration timeout, int maxItems, int maxBytes) {
    public static final Limits DEFAULT = new Limits(50, 600, Duration.ofSeconds(10), 200, 64 * 1024);

    public Limits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxCallsPerRun < 1 || maxCallsPerMinute < 1 || maxItems < 1 || maxBytes < 256) {
            throw new IllegalArgumentException("limits must be positive (maxBytes at least 256): " + maxCallsPerRun
                    + " calls a run, " + maxCallsPerMinute + " a minute, " + maxItems + " items, " + maxBytes
                    + " bytes");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
    }
}
