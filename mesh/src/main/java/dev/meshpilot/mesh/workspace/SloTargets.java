package dev.meshpilot.mesh.workspace;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Checks that an SLO's target has the shape its kind needs. */
final class SloTargets {
    private SloTargets() {}

    /** What is wrong with {@code target} for {@code kind}, or {@code null} when it is valid. */
    static String check(String kind, String target) {
        try {
            switch (kind) {
                case "freshness" -> Duration.parse(target);
                case "volume" -> {
                    if (Long.parseLong(target) < 0) {
                        return "a volume target is a non-negative row count, got '" + target + "'";
                    }
                }
                case "completeness", "availability" -> {
                    double ratio = Double.parseDouble(target);
                    if (ratio < 0 || ratio > 1) {
                        return "a " + kind + " target is a ratio between 0 and 1, got '" + target + "'";
                    }
                }
                default -> {
                    return null;
                }
            }
            return null;
        } catch (DateTimeParseException e) {
            return "a freshness target is an ISO-8601 duration such as PT1H, got '" + target + "'";
        } catch (NumberFormatException e) {
            return "a " + kind + " target is a number, got '" + target + "'";
        }
    }
}
