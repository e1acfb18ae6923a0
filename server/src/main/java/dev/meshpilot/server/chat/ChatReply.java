package dev.meshpilot.server.chat;

import dev.meshpilot.agents.catalog.Renderers.ChatBlock;
import java.util.List;
import java.util.Objects;

/**
 * What chat answers: a one-line text (notifications, fallbacks), the blocks, the full report as Markdown (null for
 * short answers), the incident the answer is about (its thread), the run id, the draft an approval is bound to (null
 * when nothing is proposed), and the command that was run ({@code agent} and {@code input}, for re-runs), and the findings
 * without an incident that a button may open as one. Immutable.
 */
public record ChatReply(
        String text,
        List<ChatBlock> blocks,
        String markdown,
        String incident,
        String runId,
        Drafts.Draft draft,
        ChatCommand.Run command,
        boolean ok,
        List<Opening> openings) {
    public ChatReply {
        Objects.requireNonNull(text, "text");
        blocks = List.copyOf(blocks);
        openings = openings == null ? List.of() : List.copyOf(openings);
    }

    /** A reply with no finding to open as an incident. */
    public ChatReply(
            String text,
            List<ChatBlock> blocks,
            String markdown,
            String incident,
            String runId,
            Drafts.Draft draft,
            ChatCommand.Run command,
            boolean ok) {
        this(text, blocks, markdown, incident, runId, draft, command, ok, List.of());
    }

    /** A short answer in one section. */
    public static ChatReply say(String text) {
        return new ChatReply(text, List.of(ChatBlock.section(text)), null, null, null, null, null, true);
    }

    /** A refusal or a failure, in words that say what to do. */
    public static ChatReply refuse(String text) {
        return new ChatReply(text, List.of(ChatBlock.section(text)), null, null, null, null, null, false);
    }
}
