package dev.meshpilot.evals.suite;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A versioned eval suite ({@code triage@1}): the agent it evaluates, the prompt its model-backed modes use by
 * default, the principal cases run as unless they say otherwise, the named report fields its cases expect
 * (JSON pointers into the report, {@code *} for every element of an array), the pass threshold of each
 * metric, and its cases. {@code prompts} is a folder of extra prompt versions kept with the suite (e.g. a
 * deliberately degraded one), or null.
 */
public record Suite(
        String name,
        int version,
        String agent,
        String description,
        String prompt,
        String principal,
        Map<String, List<String>> fields,
        Map<String, Double> thresholds,
        List<EvalCase> cases,
        Path dir,
        Path prompts) {
    public Suite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(agent, "agent");
        fields = Map.copyOf(fields);
        thresholds = Map.copyOf(thresholds);
        cases = List.copyOf(cases);
    }

    /** {@code name@version}, as reports name it. */
    public String ref() {
        return name + "@" + version;
    }
}
