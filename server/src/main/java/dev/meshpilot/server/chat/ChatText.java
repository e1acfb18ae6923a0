package dev.meshpilot.server.chat;

import dev.meshpilot.agents.catalog.Renderers.ChatBlock;
import java.util.List;

/** Chat blocks as plain text for a terminal or a document: what a chat shows, without a chat product. Stateless. */
public final class ChatText {
    private ChatText() {}

    public static String render(List<ChatBlock> blocks) {
        StringBuilder s = new StringBuilder();
        for (ChatBlock b : blocks) {
            switch (b.type()) {
                case "header" -> s.append("▌ ").append(b.text()).append("\n\n");
                case "divider" -> s.append("────────────────────────────────────────\n");
                case "context" -> s.append("  ").append(b.text()).append('\n');
                default -> s.append(b.text()).append("\n\n");
            }
        }
        return s.toString();
    }
}
