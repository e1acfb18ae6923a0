package dev.meshpilot.server.chat.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.server.chat.ChatReply;
import dev.meshpilot.server.chat.Commands;

/**
 * A chat reply as the Slack message Meshpilot posts ({@code text} and Block Kit {@code blocks} with the buttons),
 * e.g. to preview it in Slack's Block Kit Builder ({@code meshpilot chat --format json}). Stateless.
 */
public final class SlackBlocks {
    private SlackBlocks() {}

    /** {@code model}: whether the server has a model (offers "Re-run with model"). */
    public static ObjectNode message(ChatReply reply, Commands commands, boolean model) {
        return SlackMessages.reply(reply, null, model, commands);
    }
}
