package dev.meshpilot.evals.run;

import java.util.List;

/**
 * A suite run in one variant: the results per case, per metric, and whether every threshold was met (and at
 * least one case was scored) — the CI gate. In a model mode, a case whose run fell back to the playbook
 * ({@code fallbacks} of them) also fails the gate unless {@code fallbacksAllowed} ({@code --allow-fallback}):
 * its score is the playbook's, not the model's. A wire format: fields are added at the end.
 */
public record VariantResult(
        String variant,
        String mode,
        String prompt,
        String promptSha256,
        int repeat,
        List<CaseResult> cases,
        List<MetricSummary> metrics,
        boolean passed,
        long millis,
        int fallbacks,
        boolean fallbacksAllowed) {
    public VariantResult {
        cases = List.copyOf(cases);
        metrics = List.copyOf(metrics);
    }

    public long scored() {
        return cases.stream().filter(CaseResult::scored).count();
    }

    public long passedCases() {
        return cases.stream().filter(CaseResult::passed).count();
    }

    /** The metrics whose threshold was missed. */
    public List<MetricSummary> missed() {
        return metrics.stream().filter(m -> !m.ok()).toList();
    }

    /** Why runs fell back to the playbook, with how many runs (repetitions) each, most frequent first. */
    public java.util.Map<String, Long> fallbackReasons() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        cases.forEach(c -> c.repetitions().stream()
                .map(Repetition::fallbackReason)
                .filter(java.util.Objects::nonNull)
                .forEach(r -> counts.merge(r, 1L, Long::sum)));
        java.util.Map<String, Long> sorted = new java.util.LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    public java.util.Optional<CaseResult> find(String caseId) {
        return cases.stream().filter(c -> c.id().equals(caseId)).findFirst();
    }
}
