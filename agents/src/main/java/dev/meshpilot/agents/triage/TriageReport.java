package dev.meshpilot.agents.triage;

import dev.meshpilot.agents.kit.Finding;
import dev.meshpilot.agents.kit.Owner;
import java.util.List;
import java.util.Map;

/**
 * What triage concludes about one incident. A wire format (JSON, validated against
 * {@code triage-report.schema.json}): fields are added at the end, nullable. Every finding is a {@link Finding}: it lists
 * the evidence ids ({@code E1}, ...) of the tool results it rests on. The owner is the kit's {@link Owner}.
 * {@code notes} say what the reader must know about how the report was made: a walk cut short by the tool
 * budget, a runbook holding instruction-like text whose steps were not recommended, a failure that recovered.
 */
public record TriageReport(
        String incident,
        String title,
        String product,
        Severity severity,
        Cause rootCause,
        List<Cause> alternatives,
        Impact impact,
        Owner owner,
        List<NextStep> nextSteps,
        List<Similar> similarIncidents,
        double confidence,
        String summary,
        List<String> notes) {
    public TriageReport {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
        similarIncidents = similarIncidents == null ? List.of() : List.copyOf(similarIncidents);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A report without notes (as written before notes were added). */
    public TriageReport(
            String incident,
            String title,
            String product,
            Severity severity,
            Cause rootCause,
            List<Cause> alternatives,
            Impact impact,
            Owner owner,
            List<NextStep> nextSteps,
            List<Similar> similarIncidents,
            double confidence,
            String summary) {
        this(
                incident,
                title,
                product,
                severity,
                rootCause,
                alternatives,
                impact,
                owner,
                nextSteps,
                similarIncidents,
                confidence,
                summary,
                List.of());
    }

    /** This report with {@code more} notes after its own. */
    public TriageReport withNotes(List<String> more) {
        if (more == null || more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(notes);
        more.stream().filter(n -> !all.contains(n)).forEach(all::add);
        return new TriageReport(
                incident,
                title,
                product,
                severity,
                rootCause,
                alternatives,
                impact,
                owner,
                nextSteps,
                similarIncidents,
                confidence,
                summary,
                all);
    }

    /** SEV1 (worst) to SEV4, the rule that decided it, and the facts the rule read. */
    public record Severity(String level, String rule, Map<String, Object> factors, List<String> evidence)
            implements Finding {
        public Severity {
            factors = factors == null ? Map.of() : Map.copyOf(factors);
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /**
     * A cause: the product where it starts (null when unknown), its class (schema_mismatch, upstream_late,
     * duplicate_keys, null_explosion, infrastructure, permissions, unknown), what the evidence shows, and how
     * likely it is (0..1).
     */
    public record Cause(String product, String errorClass, String summary, double likelihood, List<String> evidence)
            implements Finding {
        public Cause {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** The products downstream of the cause, most critical first, with counts by criticality. */
    public record Impact(List<Impacted> products, int total, Map<String, Integer> byCriticality, List<String> evidence)
            implements Finding {
        public Impact {
            products = products == null ? List.of() : List.copyOf(products);
            byCriticality = byCriticality == null ? Map.of() : Map.copyOf(byCriticality);
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** One impacted product and who owns it. */
    public record Impacted(String product, String criticality, int depth, Owner owner) {}

    /** A step to take, quoted from a runbook. */
    public record NextStep(String runbook, String step, List<String> evidence) implements Finding {
        public NextStep {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** A past incident like this one and how it was resolved. */
    public record Similar(String id, String title, String status, String resolution, List<String> evidence)
            implements Finding {
        public Similar {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }
}
