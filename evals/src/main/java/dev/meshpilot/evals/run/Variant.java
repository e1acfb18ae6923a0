package dev.meshpilot.evals.run;

import java.util.Objects;

/** One way of running a suite: a mode and, when a model takes part, the prompt version ({@code triage@v1}). */
public record Variant(Mode mode, String prompt) {
    public Variant {
        Objects.requireNonNull(mode, "mode");
        prompt = mode.usesModel() ? Objects.requireNonNull(prompt, "prompt") : null;
    }

    public static Variant playbook() {
        return new Variant(Mode.PLAYBOOK, null);
    }

    /** {@code playbook}, or {@code replay triage@v1}. */
    public String label() {
        return prompt == null ? mode.wireName() : mode.wireName() + " " + prompt;
    }
}
