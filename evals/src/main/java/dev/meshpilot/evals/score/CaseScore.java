package dev.meshpilot.evals.score;

import java.util.List;
import java.util.Map;

/**
 * How one run of a case scored: each metric's value (0..1), whether the case passed (every metric at its
 * bar), why not, and what the run produced for each expected field.
 */
public record CaseScore(Map<String, Double> metrics, boolean passed, List<String> failures, Map<String, Object> got) {
    public CaseScore {
        metrics = Map.copyOf(metrics);
        failures = List.copyOf(failures);
        got = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(got));
    }

    /** A run that did not finish: every metric the case expects scores 0. */
    public static CaseScore error(Map<String, Double> zeros, String message) {
        return new CaseScore(zeros, false, List.of(message), Map.of());
    }
}
