package dev.meshpilot.server.chat;

import java.util.Objects;

/**
 * What a chat user asked, in no product's wire format: the chat user id (a Slack member id, ...), the channel, the
 * thread it was asked in (null: the channel itself), the text after the command or mention, and where a reply may
 * also be sent (the adapter's reply target, e.g. Slack's {@code response_url}; null when none). Immutable.
 */
public record ChatRequest(String user, String channel, String thread, String text, String replyTo) {
    public ChatRequest {
        Objects.requireNonNull(user, "user");
        text = text == null ? "" : text;
    }

    /** A request without a reply target of its own. */
    public ChatRequest(String user, String channel, String thread, String text) {
        this(user, channel, thread, text, null);
    }
}
