package dev.meshpilot.agents.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keeps the playbook's verdicts — the rule-based floor — against a model's: a model may change a verdict only
 * with stronger evidence, and never when the run's evidence holds instruction-like text (text from the mesh
 * must not change a verdict). Stronger evidence is a result of the right kind the model fetched itself: the
 * playbook already weighed everything it gathered. Each verdict kept is described as {@code "<what> kept from
 * the playbook (<baseline>) over the model's (<model>): <why>"}; each change accepted as {@code "<what> changed
 * by the model from the playbook's (<baseline>) to (<model>) on evidence the playbook's did not cite: [E10]"}.
 *
 * <pre>{@code
 * VerdictGuard guard = new VerdictGuard();
 * Severity s = guard.floor("severity", model.severity(), baseline.severity(), Severity::level, Severity::level,
 *         grounding, Support.from("criticality and breach facts", "get_data_product", "recent_runs"), flagged);
 * }</pre>
 */
public final class VerdictGuard {
    /** Why a verdict is kept when the evidence holds flagged text. */
    public static final String INSTRUCTION_LIKE = "the evidence holds instruction-like text";
    /** Why a verdict is kept when the model gave no stronger evidence for its own. */
    public static final String NO_STRONGER_EVIDENCE =
            "the model cited no evidence of the right kind that it fetched beyond what the playbook weighed";

    private final List<String> kept = new ArrayList<>();
    private final List<String> changed = new ArrayList<>();

    /**
     * {@code model} when its verdict (what {@code verdict} reads) equals the baseline's, else {@code baseline}.
     * A null {@code model} never agrees; it shows as {@code none}. For runs whose evidence holds flagged text.
     */
    public <T> T keep(String what, T model, T baseline, Function<T, ?> verdict, Function<T, String> show) {
        return keep(what, model, baseline, verdict, show, INSTRUCTION_LIKE);
    }

    private <T> T keep(String what, T model, T baseline, Function<T, ?> verdict, Function<T, String> show, String why) {
        if (model != null && Objects.equals(verdict.apply(model), verdict.apply(baseline))) {
            return model;
        }
        kept.add(what + " kept from the playbook (" + show.apply(baseline) + ") over the model's ("
                + (model == null ? "none" : show.apply(model)) + "): " + why);
        return baseline;
    }

    /**
     * The floor rule for one verdict: the model's when it agrees with the baseline's (or the baseline has
     * none); else the model's only when the evidence holds no flagged text and the model's finding cites, among
     * results {@code support} accepts, at least one the model fetched itself and the baseline's did not cite —
     * stronger evidence, stated in {@link #changed()}; else the baseline's, stated in {@link #kept()}.
     */
    public <T extends Finding> T floor(
            String what,
            T model,
            T baseline,
            Function<T, ?> verdict,
            Function<T, String> show,
            Grounding grounding,
            Support support,
            boolean flagged) {
        if (baseline == null) {
            return model;
        }
        if (model != null && Objects.equals(verdict.apply(model), verdict.apply(baseline))) {
            return model;
        }
        if (flagged) {
            return keep(what, model, baseline, verdict, show, INSTRUCTION_LIKE);
        }
        if (model != null && grounding.supported(model, support)) {
            List<String> stronger = grounding.supporting(model, support).stream()
                    .filter(id -> !baseline.evidence().contains(id) && grounding.byModel(id))
                    .toList();
            if (!stronger.isEmpty()) {
                changed.add(what + " changed by the model from the playbook's (" + show.apply(baseline) + ") to ("
                        + show.apply(model) + ") on evidence the playbook's did not cite: " + stronger);
                return model;
            }
        }
        return keep(what, model, baseline, verdict, show, NO_STRONGER_EVIDENCE);
    }

    /** What was kept from the playbook so far. */
    public List<String> kept() {
        return List.copyOf(kept);
    }

    /** Verdicts the model changed on stronger evidence, so far. */
    public List<String> changed() {
        return List.copyOf(changed);
    }
}
