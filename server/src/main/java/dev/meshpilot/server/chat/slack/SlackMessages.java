package dev.meshpilot.server.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.catalog.Renderers.ChatBlock;
import dev.meshpilot.server.chat.ChatReply;
import dev.meshpilot.server.chat.Commands;
import java.util.List;

/** Slack messages for chat replies: text, Block Kit blocks, and the buttons a reply offers. Stateless. */
final class SlackMessages {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SlackMessages() {}

    /** The reply as a message (text and blocks), for {@code user} (a Slack member id, mentioned in the text). */
    static ObjectNode reply(ChatReply r, String user, boolean model, Commands commands) {
        ObjectNode m = F.objectNode();
        m.put("text", BlockKit.clip(BlockKit.escape(r.text()) + (user == null ? "" : " (for <@" + user + ">)"), 3000));
        String full = r.command() == null ? null : "meshpilot " + commands.text(r.command());
        m.set("blocks", BlockKit.render(r.blocks(), full, actions(r, model, commands)));
        return m;
    }

    /** A short message: one section. */
    static ObjectNode say(String mrkdwn) {
        ObjectNode m = F.objectNode().put("text", BlockKit.clip(mrkdwn, 3000));
        m.putArray("blocks").add(BlockKit.section(BlockKit.clip(mrkdwn, BlockKit.MAX_SECTION)));
        return m;
    }

    /** The full report (Markdown) as sections, cut to Slack's limits with the CLI command named. */
    static ObjectNode full(ChatReply r, Commands commands) {
        ObjectNode m = F.objectNode().put("text", BlockKit.clip("Full report: " + BlockKit.escape(r.text()), 3000));
        String cli = r.command() == null ? null : "meshpilot " + commands.text(r.command());
        m.set(
                "blocks",
                BlockKit.render(
                        List.of(ChatBlock.markdown(r.markdown() == null ? r.text() : r.markdown())), cli, null));
        return m;
    }

    private static ObjectNode actions(ChatReply r, boolean model, Commands commands) {
        ArrayNode buttons = F.arrayNode();
        if (r.incident() != null && r.command() != null) {
            buttons.add(button("Acknowledge", "ack", r.incident(), null));
        }
        if (r.command() != null) {
            buttons.add(button("Full report", "full", commands.text(r.command()), null));
            if (model) {
                buttons.add(button("Re-run with model", "rerun_llm", commands.text(r.command()), null));
            }
        }
        for (int i = 0; i < r.openings().size(); i++) { // action ids are unique within a block
            dev.meshpilot.server.chat.Opening o = r.openings().get(i);
            String label = BlockKit.clip("Open as an incident: " + o.product() + " " + o.metric(), 75);
            buttons.add(button(label, Actions.OPEN_INCIDENT + "_" + (i + 1), o.value(), null));
        }
        if (r.draft() != null) {
            buttons.add(button("Approve draft", "approve", r.draft().hash(), "primary"));
        }
        if (buttons.isEmpty()) {
            return null;
        }
        ObjectNode a = F.objectNode().put("type", "actions").put("block_id", "meshpilot_actions");
        a.set("elements", buttons);
        return a;
    }

    private static ObjectNode button(String label, String action, String value, String style) {
        ObjectNode b =
                F.objectNode().put("type", "button").put("action_id", action).put("value", value);
        b.putObject("text").put("type", "plain_text").put("text", label);
        if (style != null) {
            b.put("style", style);
        }
        return b;
    }
}
