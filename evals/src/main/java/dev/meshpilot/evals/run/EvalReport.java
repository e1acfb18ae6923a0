package dev.meshpilot.evals.run;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of {@code meshpilot eval}: the suite, each variant's results, the comparison when two prompt
 * versions were compared, and whether the gate passed. A wire format (the JSON report): fields are added at
 * the end. The gate fails when a variant misses a threshold or, when comparing, the second variant does
 * worse than the first.
 */
public record EvalReport(
        String suite,
        int version,
        String agent,
        Instant generatedAt,
        List<VariantResult> variants,
        Comparison comparison,
        boolean passed) {
    public EvalReport {
        variants = List.copyOf(variants);
    }

    public String suiteRef() {
        return suite + "@" + version;
    }
}
