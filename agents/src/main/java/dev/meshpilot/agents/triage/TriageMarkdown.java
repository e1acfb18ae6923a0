package dev.meshpilot.agents.triage;

import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.RunInfo;
import dev.meshpilot.agents.triage.TriageReport.Cause;
import dev.meshpilot.agents.triage.TriageReport.Impacted;
import dev.meshpilot.agents.triage.TriageReport.NextStep;
import dev.meshpilot.agents.triage.TriageReport.Owner;
import dev.meshpilot.agents.triage.TriageReport.Similar;
import java.util.List;
import java.util.Locale;

/** Renders a triage run as Markdown, for a terminal, a ticket or a pull request. */
public final class TriageMarkdown {
    private TriageMarkdown() {}

    public static String render(AgentRun<TriageReport> run) {
        TriageReport r = run.report();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(r.incident()).append(" — ").append(r.severity().level());
        if (r.title() != null) {
            md.append(": ").append(oneLine(r.title()));
        }
        md.append("\n\n").append(r.summary()).append("\n\n");
        md.append("**Severity** ")
                .append(r.severity().level())
                .append(" — ")
                .append(r.severity().rule())
                .append(cite(r.severity().evidence()))
                .append("  \n");
        md.append(String.format(Locale.ROOT, "**Confidence** %.0f%%", r.confidence() * 100))
                .append("  \n");
        md.append("**Product** ")
                .append(r.product() == null ? "—" : r.product())
                .append("\n\n");
        md.append("## Probable root cause\n\n").append(cause(r.rootCause())).append("\n\n");
        if (!r.alternatives().isEmpty()) {
            md.append("## Other hypotheses\n\n");
            int n = 1;
            for (Cause c : r.alternatives()) {
                md.append(n++).append(". ").append(cause(c)).append('\n');
            }
            md.append('\n');
        }
        md.append("## Owner\n\n").append(owner(r.owner())).append("\n\n");
        md.append("## Impact\n\n");
        if (r.impact().total() == 0) {
            md.append("Nothing downstream.\n\n");
        } else {
            md.append(r.impact().total())
                    .append(" downstream products")
                    .append(cite(r.impact().evidence()))
                    .append(":\n\n");
            md.append("| product | criticality | hops | owner | chat | on call |\n|---|---|---|---|---|---|\n");
            for (Impacted p : r.impact().products()) {
                Owner o = p.owner();
                md.append("| ")
                        .append(p.product())
                        .append(" | ")
                        .append(nz(p.criticality()))
                        .append(" | ")
                        .append(p.depth())
                        .append(" | ")
                        .append(o == null ? "" : nz(o.team()))
                        .append(" | ")
                        .append(o == null ? "" : nz(o.chat()))
                        .append(" | ")
                        .append(o == null ? "" : nz(o.oncall()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (!r.nextSteps().isEmpty()) {
            md.append("## Next steps\n\n");
            for (NextStep s : r.nextSteps()) {
                md.append("- ")
                        .append(oneLine(s.step()))
                        .append(" *(")
                        .append(s.runbook())
                        .append(")*\n");
            }
            md.append('\n');
        }
        if (!r.similarIncidents().isEmpty()) {
            md.append("## Similar past incidents\n\n");
            for (Similar s : r.similarIncidents()) {
                md.append("- **")
                        .append(s.id())
                        .append("** ")
                        .append(nz(oneLine(s.title())))
                        .append(" (")
                        .append(nz(s.status()))
                        .append(")");
                if (s.resolution() != null) {
                    md.append(" — resolved: ").append(oneLine(s.resolution()));
                }
                md.append('\n');
            }
            md.append('\n');
        }
        RunInfo info = run.run();
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
                    .append(", so not part of this triage: ")
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

    private static String cause(Cause c) {
        return "**" + (c.product() == null ? "unknown product" : c.product()) + "** — "
                + c.errorClass().replace('_', ' ') + String.format(Locale.ROOT, " (%.0f%%)", c.likelihood() * 100)
                + ": " + oneLine(c.summary()) + cite(c.evidence());
    }

    private static String owner(Owner o) {
        if (o == null || o.team() == null) {
            return "Unknown.";
        }
        return o.team()
                + (o.name() == null ? "" : " (" + o.name() + ")")
                + (o.chat() == null ? "" : " · " + o.chat())
                + (o.oncall() == null ? "" : " · on call: " + o.oncall())
                + cite(o.evidence());
    }

    private static String cite(List<String> evidence) {
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

    private static String oneLine(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
