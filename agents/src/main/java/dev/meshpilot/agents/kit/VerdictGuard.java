package dev.meshpilot.agents.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keeps the playbook's verdicts when a run's evidence holds instruction-like text: text from the mesh must not
 * change a verdict. Each kept verdict is described as {@code "<what> kept from the playbook (<baseline>) over
 * the model's (<model>): the evidence holds instruction-like text"}.
 *
 * <pre>{@code
 * VerdictGuard guard = new VerdictGuard();
 * Cause root = guard.keep("root cause", model.rootCause(), baseline.rootCause(),
 *         c -> List.of(c.product(), c.errorClass()), c -> c.product() + ", " + c.errorClass());
 * if (guard.kept().isEmpty()) return new Grounded<>(model, List.of());
 * }</pre>
 */
public final class VerdictGuard {
    private final List<String> kept = new ArrayList<>();

    /**
     * {@code model} when its verdict (what {@code verdict} reads) equals the baseline's, else {@code baseline}.
     * A null {@code model} never agrees; it shows as {@code none}.
     */
    public <T> T keep(String what, T model, T baseline, Function<T, ?> verdict, Function<T, String> show) {
        if (model != null && Objects.equals(verdict.apply(model), verdict.apply(baseline))) {
            return model;
        }
        kept.add(what + " kept from the playbook (" + show.apply(baseline) + ") over the model's ("
                + (model == null ? "none" : show.apply(model)) + "): the evidence holds instruction-like text");
        return baseline;
    }

    /** What was kept from the playbook so far. */
    public List<String> kept() {
        return List.copyOf(kept);
    }
}
