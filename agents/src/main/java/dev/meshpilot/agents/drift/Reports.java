package dev.meshpilot.agents.drift;

import dev.meshpilot.agents.drift.DriftReport.ExceptionNote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles a {@link DriftReport}: counts by level and by lifecycle state, and a one-line summary. */
final class Reports {
    private Reports() {}

    static DriftReport build(
            String scope,
            Instant asOf,
            DriftReport.Coverage coverage,
            List<String> policies,
            Lifecycle.Compared compared,
            List<ExceptionNote> exceptions,
            String previousRun,
            List<String> notes) {
        List<DriftFinding> findings = compared.findings();
        Map<String, Integer> counts = counts(findings, compared.resolved().size());
        StringBuilder summary = new StringBuilder();
        if (!coverage.complete()) {
            summary.append("INCOMPLETE: judged ").append(coverage.judged()).append(" of ");
        }
        summary.append(coverage.inScope())
                .append(coverage.inScope() == 1 ? " product" : " products")
                .append(" against ")
                .append(policies.size())
                .append(" policies: ");
        List<String> parts = new ArrayList<>();
        for (String level : List.of("deny", "warn", "info")) {
            if (counts.get(level) > 0) {
                parts.add(counts.get(level) + " " + level);
            }
        }
        summary.append(parts.isEmpty() ? "no drift" : String.join(", ", parts));
        summary.append(" (")
                .append(counts.get("new"))
                .append(" new, ")
                .append(counts.get("persisting") + counts.get("reopened"))
                .append(" persisting), ")
                .append(counts.get("excepted"))
                .append(" excepted, ")
                .append(counts.get("resolved"))
                .append(" resolved")
                .append(previousRun == null ? " (no previous run)" : " since " + previousRun)
                .append('.');
        notes.forEach(n -> summary.append(" Note: ").append(n).append('.'));
        return new DriftReport(
                scope,
                asOf,
                coverage,
                policies,
                counts,
                findings,
                compared.resolved(),
                exceptions,
                previousRun,
                summary.toString());
    }

    static Map<String, Integer> counts(List<DriftFinding> findings, int resolved) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String k : List.of("deny", "warn", "info", "new", "persisting", "reopened", "excepted")) {
            counts.put(k, 0);
        }
        for (DriftFinding f : findings) {
            if (f.open()) {
                counts.merge(f.level(), 1, Integer::sum);
            }
            counts.merge(f.state(), 1, Integer::sum);
        }
        counts.put("resolved", resolved);
        return counts;
    }
}
