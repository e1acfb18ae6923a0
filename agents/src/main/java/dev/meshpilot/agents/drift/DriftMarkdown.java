package dev.meshpilot.agents.drift;

import dev.meshpilot.agents.kit.Owner;
import dev.meshpilot.agents.kit.RunFooter;
import dev.meshpilot.agents.runtime.AgentRun;
import java.util.Locale;

/** Renders a drift run as Markdown: findings by level with declared vs observed, owner and draft fix. */
public final class DriftMarkdown {
    private DriftMarkdown() {}

    public static String render(AgentRun<DriftReport> run) {
        DriftReport r = run.report();
        StringBuilder md = new StringBuilder();
        md.append("# Drift — ")
                .append(r.scope())
                .append(": ")
                .append(headline(r))
                .append("\n\n");
        md.append(r.summary()).append("\n\n");
        if (r.asOf() != null) {
            md.append("Judged as of ").append(r.asOf()).append(".\n\n");
        }
        appendFindings(md, r, true);
        if (r.findings().stream().anyMatch(f -> !f.open())) {
            md.append("## Excepted\n\n");
            appendFindings(md, r, false);
        }
        if (!r.resolved().isEmpty()) {
            md.append("## Resolved since ").append(r.previousRun()).append("\n\n");
            r.resolved()
                    .forEach(x -> md.append("- ")
                            .append(x.title() == null ? x.fingerprint() : x.title())
                            .append(" (first seen ")
                            .append(x.firstSeen())
                            .append(")")
                            .append(RunFooter.cite(x.evidence()))
                            .append('\n'));
            md.append('\n');
        }
        if (!r.exceptions().isEmpty()) {
            md.append("## Exceptions to review\n\n");
            r.exceptions()
                    .forEach(e -> md.append("- **")
                            .append(e.status())
                            .append("** ")
                            .append(e.policy())
                            .append(" on ")
                            .append(e.product())
                            .append(e.subject() == null ? "" : " / " + e.subject())
                            .append(" — ")
                            .append(e.owner())
                            .append(": ")
                            .append(e.reason())
                            .append(" (expires ")
                            .append(e.expires())
                            .append(")")
                            .append(RunFooter.cite(e.evidence()))
                            .append('\n'));
            md.append('\n');
        }
        md.append(RunFooter.render(run.run(), "this drift check"));
        return md.toString();
    }

    /** {@code 2 deny, 5 warn} or {@code no drift}. */
    public static String headline(DriftReport r) {
        var c = r.counts();
        StringBuilder s = new StringBuilder();
        for (String level : java.util.List.of("deny", "warn", "info")) {
            int n = c.getOrDefault(level, 0);
            if (n > 0) {
                s.append(s.isEmpty() ? "" : ", ").append(n).append(' ').append(level);
            }
        }
        return s.isEmpty() ? "no drift" : s.toString();
    }

    private static void appendFindings(StringBuilder md, DriftReport r, boolean open) {
        if (open && r.findings().stream().noneMatch(DriftFinding::open)) {
            md.append("No open drift.\n\n");
            return;
        }
        for (DriftFinding f : r.findings()) {
            if (f.open() != open) {
                continue;
            }
            md.append("### ")
                    .append(f.level().toUpperCase(Locale.ROOT))
                    .append(" · ")
                    .append(f.state())
                    .append(" · ")
                    .append(f.title())
                    .append("\n\n");
            md.append("- Policy: ")
                    .append(f.policy())
                    .append(" (")
                    .append(f.kind())
                    .append(")\n");
            md.append("- Declared: ").append(f.declared()).append('\n');
            md.append("- Observed: ").append(f.observed()).append('\n');
            Owner o = f.owner();
            if (o != null) {
                md.append("- Owner: ")
                        .append(o.team())
                        .append(o.chat() == null ? "" : " (" + o.chat() + ")")
                        .append(o.oncall() == null ? "" : ", on-call " + o.oncall())
                        .append('\n');
            }
            if (f.fix() != null) {
                md.append("- Draft fix (not applied): `").append(f.fix()).append("`\n");
            }
            if (f.exception() != null) {
                md.append("- Exception: ").append(f.exception()).append('\n');
            }
            md.append("- Fingerprint ")
                    .append(f.fingerprint())
                    .append(", first seen ")
                    .append(f.firstSeen())
                    .append(RunFooter.cite(f.evidence()))
                    .append("\n\n");
        }
    }
}
