package dev.meshpilot.evals;

import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.evals.run.Mode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What {@link Evals#run} should do.
 *
 * @param suites the folder of suites ({@code evals/suites})
 * @param suite {@code name} or {@code name@version}
 * @param modes the modes to run, each a variant (playbook once; a model mode once per prompt)
 * @param prompts prompt versions for the model modes; empty: the suite's; two: a comparison
 * @param repeat repetitions of each case in each variant (for live mode's pass rates and variance)
 * @param live the live model for live and record modes, or null
 * @param demo the demo workspace
 * @param corpus the shared injection corpus file (absent: cases planting payloads are skipped)
 * @param work an empty folder for the meshes (deleted by the caller)
 * @param cases which cases to run (by folder name), or null for all
 * @param allowFallback whether model-mode cases that fell back to the playbook may pass (false: such a case fails its variant)
 */
public record EvalRequest(
        Path suites,
        String suite,
        List<Mode> modes,
        List<String> prompts,
        int repeat,
        ModelConfig live,
        Path demo,
        Path corpus,
        Path work,
        Predicate<String> cases,
        boolean allowFallback) {

    public EvalRequest {
        Objects.requireNonNull(suites, "suites");
        Objects.requireNonNull(suite, "suite");
        modes = List.copyOf(modes);
        prompts = List.copyOf(prompts);
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("at least one mode");
        }
        cases = cases == null ? c -> true : cases;
    }
}
