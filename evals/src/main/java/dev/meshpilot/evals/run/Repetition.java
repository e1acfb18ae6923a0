package dev.meshpilot.evals.run;

import dev.meshpilot.evals.score.CaseScore;
import java.util.List;

/**
 * One run of a case in one variant: its score, the mode the runtime reports ({@code llm}, {@code playbook
 * (fallback: ...)}), tokens, time, the tool trajectory, and the run's notes, flagged evidence and claims
 * dropped as ungrounded; {@code error} when the run did not finish.
 */
public record Repetition(
        CaseScore score,
        String runMode,
        Integer tokens,
        long millis,
        List<String> trajectory,
        List<String> notes,
        List<String> injectionSuspected,
        List<String> ungrounded,
        String error) {
    public Repetition {
        trajectory = List.copyOf(trajectory);
        notes = List.copyOf(notes);
        injectionSuspected = List.copyOf(injectionSuspected);
        ungrounded = List.copyOf(ungrounded);
    }

    private static final String FALLBACK = "playbook (fallback: ";

    /** Why the model's run fell back to the playbook (from the run mode), or null when it did not. */
    public String fallbackReason() {
        return runMode != null && runMode.startsWith(FALLBACK) && runMode.endsWith(")")
                ? runMode.substring(FALLBACK.length(), runMode.length() - 1)
                : null;
    }
}
