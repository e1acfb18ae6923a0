package dev.meshpilot.agents.drift;

import dev.meshpilot.agents.kit.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a drift run found over a scope ({@code mesh}, a domain or a product): the findings, the findings of the
 * previous recorded run that are gone ({@code resolved}), exceptions that expired or matched nothing, and
 * counts. {@code asOf} is the moment the mesh was judged at; {@code coverage} how many products of the scope were
 * judged; {@code previousRun} the recorded run compared with.
 * A wire format: fields are added at the end, nullable.
 */
public record DriftReport(
        String scope,
        Instant asOf,
        Coverage coverage,
        List<String> policies,
        Map<String, Integer> counts,
        List<DriftFinding> findings,
        List<Resolved> resolved,
        List<ExceptionNote> exceptions,
        String previousRun,
        String summary) {
    public DriftReport {
        java.util.Objects.requireNonNull(coverage, "coverage");
        policies = List.copyOf(policies);
        counts = Map.copyOf(counts);
        findings = List.copyOf(findings);
        resolved = List.copyOf(resolved);
        exceptions = List.copyOf(exceptions);
    }

    /**
     * How much of the scope a run judged: the products in scope the caller may read, how many were judged, and
     * whether that is all of them (a run cut short by its tool budget is not complete, and says so).
     */
    public record Coverage(int inScope, int judged, boolean complete) {}

    /** A finding of the previous run that this run no longer sees. */
    public record Resolved(String fingerprint, String title, String level, Instant firstSeen, List<String> evidence)
            implements Finding {
        public Resolved {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** An exception worth a look: {@code expired} (its finding is open again) or {@code unmatched}. */
    public record ExceptionNote(
            String policy,
            String product,
            String subject,
            String owner,
            String reason,
            String expires,
            String status,
            List<String> evidence)
            implements Finding {
        public ExceptionNote {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** The worst open level: {@code deny}, {@code warn}, {@code info}, or {@code none}. */
    public String worst() {
        for (String level : List.of("deny", "warn", "info")) {
            if (findings.stream().anyMatch(f -> f.open() && f.level().equals(level))) {
                return level;
            }
        }
        return "none";
    }
}
