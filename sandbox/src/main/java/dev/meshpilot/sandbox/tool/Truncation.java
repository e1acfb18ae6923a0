package dev.meshpilot.sandbox.tool;

import java.util.Objects;

/**
 * One cut the gate (or the tool) made to a result, so that truncation is stated, never silent: at
 * {@code path} (a JSON pointer, {@code *} for every element), {@code total} {@code unit}s became {@code kept}
 * because of {@code reason} ({@code max_items}, {@code max_bytes}, or {@code tool} when the tool itself cut,
 * with the counts it gave or -1). An agent can ask again with a narrower filter or a smaller page. Immutable.
 */
public record Truncation(String path, String unit, long total, long kept, String reason) {
    public Truncation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "truncated " + path + " from " + total + " to " + kept + " " + unit + " (" + reason + ")";
    }
}
