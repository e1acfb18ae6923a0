package dev.meshpilot.agents.triage;

import dev.meshpilot.agents.catalog.Renderers.ChatBlock;
import dev.meshpilot.agents.kit.ChatCard;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.triage.TriageReport.Cause;
import java.util.List;
import java.util.Locale;

/** Renders a triage run as chat blocks: severity and root cause first, then owner, impact, next steps. */
public final class TriageChat {
    private TriageChat() {}

    public static List<ChatBlock> render(AgentRun<TriageReport> run) {
        TriageReport r = run.report();
        String full = "meshpilot triage " + r.incident();
        ChatCard card = new ChatCard(
                r.incident() + " · " + r.severity().level()
                        + (r.title() == null ? "" : " · " + ChatCard.line(r.title(), 80)),
                full);
        card.section(ChatCard.line(r.summary(), 600));
        card.section("*Severity* " + r.severity().level() + " — "
                + ChatCard.line(r.severity().rule(), 300)
                + String.format(Locale.ROOT, "\n*Confidence* %.0f%%", r.confidence() * 100)
                + "\n*Product* " + (r.product() == null ? "unknown" : "`" + r.product() + "`"));
        card.section("*Probable root cause*\n" + cause(r.rootCause()));
        card.list("Other hypotheses", r.alternatives(), TriageChat::cause);
        card.section("*Owner* " + ChatCard.owner(r.owner()));
        card.list(
                "Impact: " + r.impact().total() + " downstream products",
                r.impact().products(),
                p -> "`" + p.product() + "` " + (p.criticality() == null ? "" : p.criticality()) + " · "
                        + ChatCard.owner(p.owner()));
        card.list("Next steps", r.nextSteps(), s -> ChatCard.line(s.step(), 240) + " _(" + s.runbook() + ")_");
        card.list(
                "Similar past incidents",
                r.similarIncidents(),
                s -> "*" + s.id() + "* " + ChatCard.line(s.title(), 120)
                        + (s.resolution() == null ? "" : " — resolved: " + ChatCard.line(s.resolution(), 160)));
        return card.done(run.run());
    }

    private static String cause(Cause c) {
        return "`" + (c.product() == null ? "unknown product" : c.product()) + "` "
                + c.errorClass().replace('_', ' ') + String.format(Locale.ROOT, " (%.0f%%)", c.likelihood() * 100)
                + ": " + ChatCard.line(c.summary(), 400);
    }
}
