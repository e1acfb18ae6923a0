package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The class of a contract change, most severe first: {@code breaking} (old consumers or writers fail),
 * {@code review} (needs review: consumers may be affected), {@code compatible}. {@code off} silences a rule.
 */
public enum Severity {
    BREAKING,
    REVIEW,
    COMPATIBLE,
    OFF;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is at least as severe as {@code level} ({@code off} never is). */
    public boolean atLeast(Severity level) {
        return this != OFF && ordinal() <= level.ordinal();
    }

    public static Optional<Severity> of(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
