package dev.meshpilot.server.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.ledger.RecordedFinding;
import dev.meshpilot.mesh.ledger.RecordedRun;
import dev.meshpilot.server.runs.Recording;
import dev.meshpilot.server.runs.Schedule;
import dev.meshpilot.server.runs.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Posts a scheduled run's new findings to the channel of the team that owns each one (the finding's owner, or for
 * anomalies the owner of the group's root product), and resolved findings and findings of teams without a channel
 * to the configured {@code chat.channel}; one message a channel. A post that fails after its retries is logged and
 * audited. Thread-safe.
 */
public final class SlackNotifier implements Scheduler.Notifier {
    static final int MAX_LINES = 20;

    private final SlackApi api;
    private final ChatAudit audit;
    private final String fallback;

    SlackNotifier(SlackApi api, ChatAudit audit, String fallback) {
        this.api = api;
        this.audit = audit;
        this.fallback = fallback;
    }

    @Override
    public String notify(Schedule s, Instant fire, RecordedRun run, Recording rec) {
        if (!api.hasToken()) {
            return "no bot token: not posted";
        }
        Map<String, String> owners = anomalyOwners(SlackEndpoint.json(rec.reportJson()));
        Map<String, List<String>> byChannel = new TreeMap<>();
        for (RecordedFinding f : rec.fresh()) {
            JsonNode j = SlackEndpoint.json(f.json());
            String channel = j.path("owner").path("chat").asText(owners.getOrDefault(f.fingerprint(), fallback));
            if (channel != null) {
                byChannel
                        .computeIfAbsent(channel, c -> new ArrayList<>())
                        .add("• *" + (f.level() == null ? "new" : f.level()) + "* "
                                + BlockKit.escape(f.title() == null ? f.fingerprint() : f.title()));
            }
        }
        if (fallback != null && !rec.resolved().isEmpty()) {
            List<String> lines = byChannel.computeIfAbsent(fallback, c -> new ArrayList<>());
            rec.resolved()
                    .forEach(r -> lines.add("• resolved: "
                            + BlockKit.escape(
                                    r.path("title").asText(r.path("fingerprint").asText()))));
        }
        if (byChannel.isEmpty()) {
            return "no channel to post to (no owner chat and no chat.channel)";
        }
        List<String> outcomes = new ArrayList<>();
        byChannel.forEach((channel, lines) -> {
            StringBuilder text = new StringBuilder("*" + s.agent() + " sweep `" + s.name() + "`* on " + run.scope()
                    + " at " + fire + ": " + lines.size() + " to look at\n");
            lines.stream().limit(MAX_LINES).forEach(l -> text.append(l).append('\n'));
            if (lines.size() > MAX_LINES) {
                text.append("_… and ")
                        .append(lines.size() - MAX_LINES)
                        .append(" more: `meshpilot drift runs` / run ")
                        .append(run.id())
                        .append("_");
            }
            SlackApi.Outcome o = api.call(
                    "chat.postMessage", SlackMessages.say(text.toString()).put("channel", channel));
            if (!o.ok()) {
                audit.undelivered(s.runAs(), run.id(), "slack notification " + s.name(), o.error());
            }
            outcomes.add(channel + (o.ok() ? " sent" : " failed"));
        });
        return String.join(", ", outcomes);
    }

    /** For anomalies: the fingerprint of each group ({@code anomalies:product:family}) to its owner's channel. */
    private static Map<String, String> anomalyOwners(JsonNode report) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode g : report.path("groups")) {
            String chat = g.path("owner").path("chat").asText(null);
            if (chat != null) {
                out.put(
                        "anomalies:" + g.path("root").path("product").asText() + ":"
                                + g.path("root").path("family").asText(),
                        chat);
            }
        }
        return out;
    }
}
