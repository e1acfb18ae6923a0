package dev.meshpilot.agents.migration;

import dev.meshpilot.agents.catalog.Renderers.ChatBlock;
import dev.meshpilot.agents.kit.ChatCard;
import dev.meshpilot.agents.runtime.AgentRun;
import java.util.List;

/**
 * Renders a migration run as chat blocks: the verdict and version check, the changes, the consumers affected and
 * the deprecation timeline. The SQL and the notice stay in the full report: a draft for a human, never applied.
 */
public final class MigrationChat {
    private MigrationChat() {}

    public static List<ChatBlock> render(AgentRun<MigrationReport> run) {
        MigrationReport r = run.report();
        String full =
                "meshpilot migrate " + r.contract() + " --to " + (r.proposedFile() == null ? "FILE" : r.proposedFile());
        ChatCard card = new ChatCard(
                "Migration · " + r.contract() + " " + r.fromVersion() + " → " + r.toVersion() + " · " + r.verdict(),
                full);
        card.section(ChatCard.line(r.summary(), 600));
        MigrationReport.Version v = r.version();
        if (v != null) {
            card.section("*Version* " + v.from() + " → " + v.to() + ": made " + v.made() + ", needs " + v.needed()
                    + (v.sufficient() ? " ✓" : " — *not enough*"));
        }
        card.list(
                "Changes (" + r.changes().size() + ")",
                r.changes(),
                c -> "*" + c.severity() + "* `" + c.path() + "` " + ChatCard.line(c.message(), 200));
        card.list(
                "Consumers affected (" + r.consumers().size() + ")",
                r.consumers(),
                c -> "`" + c.product() + "` reads " + String.join(", ", c.columns()) + " · " + ChatCard.owner(c.owner())
                        + (c.coveredByCompatView() ? " · covered by the compatibility view" : ""));
        card.list("Timeline", r.timeline(), m -> m.date() + " — " + ChatCard.line(m.what(), 160));
        if (r.migrationNeeded()) {
            card.context("Draft only: the migration SQL ("
                    + r.plans().size()
                    + " dialects) and the consumer notice are in the full report; nothing was applied.");
        }
        return card.done(run.run());
    }
}
