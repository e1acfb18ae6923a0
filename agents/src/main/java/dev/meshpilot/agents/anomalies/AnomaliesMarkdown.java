package dev.meshpilot.agents.anomalies;

import dev.meshpilot.agents.anomalies.AnomaliesReport.Anomaly;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Echo;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Group;
import dev.meshpilot.agents.kit.RunFooter;
import dev.meshpilot.agents.runtime.AgentRun;
import java.util.Locale;

/** The anomalies report as Markdown: the summary, each group with a sparkline of its root metric, the footer. */
final class AnomaliesMarkdown {
    private AnomaliesMarkdown() {}

    static String render(AgentRun<AnomaliesReport> run) {
        AnomaliesReport r = run.report();
        StringBuilder md = new StringBuilder();
        md.append("# Anomalies in ").append(r.scope()).append("\n\n");
        md.append(r.summary()).append("\n\n");
        for (Group g : r.groups()) {
            group(md, g);
        }
        if (!r.explained().isEmpty()) {
            md.append("## Explained by resolved incidents (not alerted)\n\n");
            for (Group g : r.explained()) {
                md.append("- ").append(g.explainedBy()).append(": ").append(Summary.headline(g.root()));
                if (!g.echoes().isEmpty()) {
                    md.append(" and ")
                            .append(String.join(
                                    ", ",
                                    g.echoes().stream()
                                            .map(e -> e.anomaly().product())
                                            .toList()));
                }
                md.append(RunFooter.cite(g.evidence())).append('\n');
            }
            md.append('\n');
        }
        AnomaliesReport.Sweep s = r.sweep();
        md.append(String.format(
                Locale.ROOT,
                "Swept %d products, %d series, %d points; %d series with too short a history, %d points excluded",
                s.products(),
                s.series(),
                s.points(),
                s.shortHistory(),
                s.excludedPoints()));
        if (!s.notScanned().isEmpty()) {
            md.append("; not read (tool budget): ").append(String.join(", ", s.notScanned()));
        }
        md.append(".\n\n");
        md.append(RunFooter.render(run.run(), "this sweep"));
        return md.toString();
    }

    private static void group(StringBuilder md, Group g) {
        Anomaly a = g.root();
        md.append("## ")
                .append(g.rank())
                .append(". ")
                .append(a.product())
                .append(" — ")
                .append(a.metric())
                .append(' ')
                .append(a.kind())
                .append(Summary.change(a))
                .append("\n\n");
        if (a.family().equals("schema")) { // a change, not a value against a band
            md.append("- At ")
                    .append(a.since())
                    .append(": column `")
                    .append(a.column())
                    .append("` ")
                    .append(a.kind().replace("column_", "").replace('_', ' '))
                    .append(" (schema history)")
                    .append(RunFooter.cite(a.evidence()))
                    .append('\n');
        } else {
            md.append(String.format(
                            Locale.ROOT,
                            "- Since %s: observed %s, expected %s (band %s .. %s), score %.1f on %d training points"
                                    + " (threshold %.1f%s)",
                            a.since(),
                            num(a.observed()),
                            num(a.expected()),
                            num(a.low()),
                            num(a.high()),
                            a.score(),
                            a.training(),
                            a.threshold(),
                            a.seasonal() ? ", seasonal baseline" : ""))
                    .append(RunFooter.cite(a.evidence()))
                    .append('\n');
        }
        if (!a.recent().isEmpty()) {
            md.append("- Recent: `").append(Sparkline.of(a.recent())).append("`\n");
        }
        if (!a.alsoMoved().isEmpty()) {
            md.append("- Moved with it: ")
                    .append(String.join(", ", a.alsoMoved()))
                    .append('\n');
        }
        for (Echo e : g.echoes()) {
            Anomaly x = e.anomaly();
            md.append("- Echo (")
                    .append(e.hops())
                    .append(e.hops() == 1 ? " hop" : " hops")
                    .append("): ")
                    .append(Summary.headline(x))
                    .append(RunFooter.cite(x.evidence()))
                    .append('\n');
        }
        md.append(String.format(
                Locale.ROOT,
                "- Impact: %s, %d downstream consumers; rank score %.1f%n",
                g.criticality() == null ? "criticality unknown" : g.criticality(),
                g.downstream(),
                g.rankScore()));
        if (g.owner() != null) {
            md.append("- Owner: ")
                    .append(g.owner().team())
                    .append(g.owner().chat() == null ? "" : " (" + g.owner().chat() + ")")
                    .append(
                            g.owner().oncall() == null
                                    ? ""
                                    : ", on-call " + g.owner().oncall())
                    .append('\n');
        }
        if (!g.incidents().isEmpty()) {
            md.append("- Open incidents: ")
                    .append(String.join(", ", g.incidents()))
                    .append('\n');
        }
        md.append('\n');
    }

    private static String num(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
