package dev.meshpilot.agents.drift;

import dev.meshpilot.agents.catalog.Renderers.ChatBlock;
import dev.meshpilot.agents.kit.ChatCard;
import dev.meshpilot.agents.runtime.AgentRun;
import java.util.List;

/** Renders a drift run as chat blocks: open findings by level (deny first), then what was resolved. */
public final class DriftChat {
    private DriftChat() {}

    public static List<ChatBlock> render(AgentRun<DriftReport> run) {
        DriftReport r = run.report();
        String full = "meshpilot drift" + (r.scope() == null || r.scope().equals("mesh") ? "" : " " + r.scope());
        ChatCard card = new ChatCard("Drift · " + r.scope() + " · " + DriftMarkdown.headline(r), full);
        card.section(ChatCard.line(r.summary(), 600));
        for (String level : List.of("deny", "warn", "info")) {
            List<DriftFinding> open = r.findings().stream()
                    .filter(f -> f.open() && f.level().equals(level))
                    .toList();
            card.list(level + " (" + open.size() + ")", open, DriftChat::finding);
        }
        card.list(
                "Resolved since " + r.previousRun(),
                r.resolved(),
                x -> x.title() == null ? x.fingerprint() : ChatCard.line(x.title(), 200));
        card.list(
                "Exceptions to look at",
                r.exceptions(),
                e -> e.status() + ": " + e.policy() + " on `" + e.product() + "` (expires " + e.expires() + ")");
        return card.done(run.run());
    }

    private static String finding(DriftFinding f) {
        return ChatCard.line(f.title(), 200) + " _" + f.state() + "_ · " + ChatCard.owner(f.owner()) + "\n   declared "
                + ChatCard.line(f.declared(), 120) + " · observed " + ChatCard.line(f.observed(), 120);
    }
}
