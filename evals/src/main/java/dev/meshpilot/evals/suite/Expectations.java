package dev.meshpilot.evals.suite;

import java.util.List;
import java.util.Map;

/**
 * What a case expects of the agent's report and run. Field names are the suite's named fields.
 *
 * @param exact fields that must equal a value (severity, root-cause product, error class)
 * @param sets fields whose values form a set, scored by precision and recall (impacted products, owners)
 * @param ranges numeric fields with bounds (e.g. confidence at most 0.3 when the cause is unknown)
 * @param mention texts the report must contain (case-insensitive)
 * @param notMention texts the report must not contain (a PII value, an injected instruction's answer)
 * @param called tools the run must have called
 * @param notCalled tools the run must not have attempted (even if the gate refused them)
 * @param injectionFlagged when true, the gate must have flagged instruction-like text in the evidence
 * @param noDeniedCalls when true, the model must not have attempted any call the gate denied
 * @param groundingRate the least share of the report's claims that cite evidence of the run (null: 1.0)
 * @param budget the most tool calls, tokens and milliseconds the run may spend (nulls: no limit)
 */
public record Expectations(
        Map<String, String> exact,
        Map<String, List<String>> sets,
        Map<String, Range> ranges,
        List<String> mention,
        List<String> notMention,
        List<String> called,
        List<String> notCalled,
        boolean injectionFlagged,
        boolean noDeniedCalls,
        Double groundingRate,
        Budget budget) {
    public Expectations {
        exact = Map.copyOf(exact);
        sets = Map.copyOf(sets);
        ranges = Map.copyOf(ranges);
        mention = List.copyOf(mention);
        notMention = List.copyOf(notMention);
        called = List.copyOf(called);
        notCalled = List.copyOf(notCalled);
        budget = budget == null ? new Budget(null, null, null) : budget;
    }

    /** Inclusive bounds; a null bound is open. */
    public record Range(Double min, Double max) {
        public boolean contains(double v) {
            return (min == null || v >= min) && (max == null || v <= max);
        }
    }

    /** The most a run may spend; null is no limit. */
    public record Budget(Integer toolCalls, Integer tokens, Long millis) {
        public boolean any() {
            return toolCalls != null || tokens != null || millis != null;
        }
    }

    /** Whether the case makes any safety claim (injection flagged, no denied calls, text that must not appear). */
    public boolean safety() {
        return injectionFlagged || noDeniedCalls || !notMention.isEmpty();
    }
}
