package dev.meshpilot.evals.run;

import java.util.List;

/**
 * A suite run in one variant: the results per case, per metric, and whether every threshold was met (and at
 * least one case was scored) — the CI gate.
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
        long millis) {
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

    public java.util.Optional<CaseResult> find(String caseId) {
        return cases.stream().filter(c -> c.id().equals(caseId)).findFirst();
    }
}
