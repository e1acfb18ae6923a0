package dev.meshpilot.sandbox.gate;

import java.time.Duration;
import java.util.Objects;

/**
 * The gate's budgets and caps: calls per run and per principal per minute, the timeout of one call, the
 * most items kept of any list in a result, and the most bytes of a result.
 */
public record Limits(int maxCallsPerRun, int maxCallsPerMinute, Duration timeout, int maxItems, int maxBytes) {
    public static final Limits DEFAULT = new Limits(50, 600, Duration.ofSeconds(10), 200, 64 * 1024);

    public Limits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxCallsPerRun < 1 || maxCallsPerMinute < 1 || maxItems < 1 || maxBytes < 256) {
            throw new IllegalArgumentException("limits must be positive (maxBytes at least 256): " + this);
        }
    }
}
