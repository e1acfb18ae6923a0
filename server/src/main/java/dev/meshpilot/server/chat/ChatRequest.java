package dev.meshpilot.server.chat;

import java.util.Objects;

/**
 * What a chat user asked, in no product's wire format: the chat user id (a Slack member id, ...), the channel, the
 * thread it was asked in (null: the channel itself), and the text after the command or mention. Immutable.
 */
public record ChatRequest(String user, String channel, String thread, String text) {
    public ChatRequest {
        Objects.requireNonNull(user, "user");
        text = text == null ? "" : text;
    }
}
