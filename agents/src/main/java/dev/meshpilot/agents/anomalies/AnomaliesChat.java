package dev.meshpilot.agents.anomalies;

import dev.meshpilot.agents.anomalies.AnomaliesReport.Anomaly;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Group;
import dev.meshpilot.agents.catalog.Renderers.ChatBlock;
import dev.meshpilot.agents.kit.ChatCard;
import dev.meshpilot.agents.runtime.AgentRun;
import java.util.List;
import java.util.Locale;

/** Renders an anomalies run as chat blocks: one section per ranked group (its root, echoes and owner). */
public final class AnomaliesChat {
    /** Groups shown as sections of their own; the rest are listed on one line each. */
    static final int SHOWN = 6;

    private AnomaliesChat() {}

    public static List<ChatBlock> render(AgentRun<AnomaliesReport> run) {
        AnomaliesReport r = run.report();
        String full = "meshpilot anomalies " + (r.scope() == null || r.scope().equals("mesh") ? "" : r.scope());
        ChatCard card = new ChatCard(
                "Anomalies · " + (r.scope() == null ? "mesh" : r.scope()) + " · "
                        + r.groups().size() + " groups",
                full.strip());
        card.section(ChatCard.line(r.summary(), 600));
        card.context("window " + r.since() + " → " + r.until());
        for (Group g : r.groups().stream().limit(SHOWN).toList()) {
            StringBuilder s = new StringBuilder();
            s.append("*#").append(g.rank()).append(" ").append(root(g.root())).append("*");
            s.append("\n")
                    .append(g.criticality() == null ? "" : g.criticality() + " · ")
                    .append(g.downstream())
                    .append(" downstream · ")
                    .append(ChatCard.owner(g.owner()));
            if (!g.echoes().isEmpty()) {
                s.append("\nexplains ").append(g.echoes().size()).append(" echoes: ");
                s.append(String.join(
                        ", ",
                        g.echoes().stream()
                                .limit(ChatCard.MAX_ITEMS)
                                .map(e -> "`" + e.anomaly().product() + "` (" + e.hops() + " hops)")
                                .toList()));
            }
            if (!g.incidents().isEmpty()) {
                s.append("\nopen incidents: ").append(String.join(", ", g.incidents()));
            }
            card.section(s.toString());
        }
        card.list("More groups", r.groups().stream().skip(SHOWN).toList(), g -> "#" + g.rank() + " " + root(g.root()));
        card.list(
                "Explained by resolved incidents (not alerted)",
                r.explained(),
                g -> root(g.root()) + (g.explainedBy() == null ? "" : " — " + g.explainedBy()));
        return card.done(run.run());
    }

    private static String root(Anomaly a) {
        return "`" + a.product() + "` " + a.metric() + " " + a.kind().replace('_', ' ') + " since " + a.since() + ": "
                + number(a.observed()) + " (expected " + number(a.expected()) + ")";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%,.0f" : "%.4g", v);
    }
}
