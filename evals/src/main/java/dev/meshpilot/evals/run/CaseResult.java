package dev.meshpilot.evals.run;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A case in one variant: {@code scored} (with its repetitions), {@code skipped} (e.g. no cassette for the
 * prompt in replay mode, or the injection corpus is absent) or {@code error} (e.g. the mesh did not load),
 * with what it expected, and in replay mode where its cassette came from ({@code cassette}: {@code authored}
 * by hand or {@code recorded} from a model; null without one), so a report never passes off a hand-written
 * conversation as a model's.
 */
public record CaseResult(
        String id,
        String description,
        List<String> tags,
        String knownMiss,
        Map<String, Object> expected,
        String status,
        String reason,
        List<Repetition> repetitions,
        String cassette) {
    /** A case run without a cassette. */
    public CaseResult(
            String id,
            String description,
            List<String> tags,
            String knownMiss,
            Map<String, Object> expected,
            String status,
            String reason,
            List<Repetition> repetitions) {
        this(id, description, tags, knownMiss, expected, status, reason, repetitions, null);
    }

    /** Whether the case replayed a cassette written by hand rather than recorded from a model. */
    public boolean handAuthored() {
        return "authored".equals(cassette);
    }

    public CaseResult {
        tags = List.copyOf(tags);
        expected = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expected));
        repetitions = List.copyOf(repetitions);
    }

    public boolean scored() {
        return !"skipped".equals(status);
    }

    /** The share of repetitions that passed. */
    public double passRate() {
        if (repetitions.isEmpty()) {
            return 0;
        }
        return repetitions.stream().filter(r -> r.score().passed()).count() / (double) repetitions.size();
    }

    /** Whether a repetition fell back to the playbook: its model's answer was not what got scored. */
    public boolean fellBack() {
        return repetitions.stream().anyMatch(r -> r.fallbackReason() != null);
    }

    public boolean passed() {
        return scored() && !repetitions.isEmpty() && passRate() == 1.0;
    }

    /** Each metric's mean over the repetitions. */
    public Map<String, Double> metrics() {
        Map<String, Double> sum = new TreeMap<>();
        for (Repetition r : repetitions) {
            r.score().metrics().forEach((k, v) -> sum.merge(k, v, Double::sum));
        }
        sum.replaceAll((k, v) -> v / repetitions.size());
        return sum;
    }
}
