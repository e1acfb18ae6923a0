package dev.meshpilot.evals.run;

import java.util.Locale;

/**
 * How a case runs. {@code PLAYBOOK}: deterministic, no model. {@code REPLAY}: the model's side comes from
 * the case's cassette for the prompt, served by WireMock. {@code LIVE}: a configured model endpoint.
 * {@code RECORD}: live, through WireMock's recording proxy, saving a new cassette in the case folder.
 */
public enum Mode {
    PLAYBOOK,
    REPLAY,
    LIVE,
    RECORD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a model (and so a prompt version) takes part. */
    public boolean usesModel() {
        return this != PLAYBOOK;
    }

    /** @throws IllegalArgumentException listing the modes there are */
    public static Mode parse(String s) {
        for (Mode m : values()) {
            if (m.wireName().equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--mode must be playbook, replay, live or record, not '" + s + "'");
    }
}
