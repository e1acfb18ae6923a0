package dev.meshpilot.agents.triage;

import dev.meshpilot.agents.kit.Owner;
import dev.meshpilot.agents.kit.RunFooter;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.triage.TriageReport.Cause;
import dev.meshpilot.agents.triage.TriageReport.Impacted;
import dev.meshpilot.agents.triage.TriageReport.NextStep;
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
        if (!r.notes().isEmpty()) {
            md.append("## Notes\n\n");
            r.notes().forEach(n -> md.append("- ").append(oneLine(n)).append('\n'));
            md.append('\n');
        }
        md.append(RunFooter.render(run.run(), "this triage"));
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
        return RunFooter.cite(evidence);
    }

    private static String oneLine(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
