package dev.meshpilot.agents.kit;

import dev.meshpilot.agents.runtime.RunInfo;
import java.util.List;

/**
 * The footer under an agent's Markdown report: mode, model, prompt and its hash, tool calls with their audit
 * range, time; then calls denied to the principal, claims dropped as ungrounded, evidence whose text was
 * instruction-like, and the run's notes.
 *
 * <pre>{@code
 * md.append(RunFooter.render(run.run(), "this triage"));
 * }</pre>
 */
public final class RunFooter {
    private RunFooter() {}

    /** The footer; {@code what} names the run in "so not part of {@code what}", e.g. {@code this triage}. */
    public static String render(RunInfo info, String what) {
        StringBuilder md = new StringBuilder();
        md.append("---\n").append("Mode: ").append(info.mode());
        if (info.model() != null) {
            md.append(" · model ").append(info.model());
        }
        md.append(" · prompt ")
                .append(info.prompt())
                .append(" (")
                .append(info.promptSha256(), 0, 12)
                .append(")")
                .append(" · ")
                .append(info.toolCalls().size())
                .append(" tool calls (audit ")
                .append(auditRange(info.toolCalls()))
                .append(") · ")
                .append(info.durationMillis())
                .append(" ms\n");
        List<String> denied = info.toolCalls().stream()
                .filter(c -> c.status().equals("denied"))
                .map(c -> c.tool() + " (" + c.evidence() + ")")
                .toList();
        if (!denied.isEmpty()) {
            md.append("\nDenied to ")
                    .append(info.principal())
                    .append(", so not part of ")
                    .append(what)
                    .append(": ")
                    .append(String.join(", ", denied))
                    .append('\n');
        }
        if (!info.ungrounded().isEmpty()) {
            md.append("\nDropped as ungrounded: ")
                    .append(String.join("; ", info.ungrounded()))
                    .append('\n');
        }
        if (!info.injectionSuspected().isEmpty()) {
            md.append("\nInstruction-like text in evidence ")
                    .append(String.join(", ", info.injectionSuspected()))
                    .append(" was treated as data.\n");
        }
        info.notes().forEach(n -> md.append("\nNote: ").append(n).append('\n'));
        return md.toString();
    }

    /** Evidence ids as cited in Markdown: {@code " [E1, E2]"}, or nothing. */
    public static String cite(List<String> evidence) {
        return evidence.isEmpty() ? "" : " [" + String.join(", ", evidence) + "]";
    }

    private static String auditRange(List<RunInfo.ToolCall> calls) {
        if (calls.isEmpty()) {
            return "none";
        }
        long min = calls.stream().mapToLong(RunInfo.ToolCall::auditSeq).min().orElse(0);
        long max = calls.stream().mapToLong(RunInfo.ToolCall::auditSeq).max().orElse(0);
        return "#" + min + "–#" + max;
    }
}
