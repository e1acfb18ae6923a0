package dev.meshpilot.agents.kit;

import dev.meshpilot.agents.catalog.Renderers.ChatBlock;
import dev.meshpilot.agents.runtime.RunInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds an agent report's chat blocks: a header, sections, bulleted lists cut to a few items (saying how many more
 * and where to see them), and the run's context line. Agents' chat renderers use it so every report reads alike
 * in a channel. Not thread-safe; one per rendering.
 */
public final class ChatCard {
    /** Items of a list shown in chat; the rest are counted and left to the full report. */
    public static final int MAX_ITEMS = 8;

    private final List<ChatBlock> blocks = new ArrayList<>();
    private final String full;

    /** A card whose cut lists point to {@code full}, the command that shows the whole report. */
    public ChatCard(String header, String full) {
        this.full = full;
        blocks.add(ChatBlock.header(header));
    }

    public ChatCard section(String text) {
        if (text != null && !text.isBlank()) {
            blocks.add(ChatBlock.section(text));
        }
        return this;
    }

    public ChatCard context(String text) {
        blocks.add(ChatBlock.context(text));
        return this;
    }

    public ChatCard divider() {
        blocks.add(ChatBlock.divider());
        return this;
    }

    /** A titled bulleted list of {@code items}, at most {@link #MAX_ITEMS}; nothing when empty. */
    public <T> ChatCard list(String title, List<T> items, Function<T, String> line) {
        if (items.isEmpty()) {
            return this;
        }
        StringBuilder s = new StringBuilder("*").append(title).append("*");
        items.stream().limit(MAX_ITEMS).forEach(i -> s.append("\n• ").append(line.apply(i)));
        if (items.size() > MAX_ITEMS) {
            s.append("\n_… and ")
                    .append(items.size() - MAX_ITEMS)
                    .append(" more: `")
                    .append(full)
                    .append("`_");
        }
        return section(s.toString());
    }

    /** The blocks so far, without the run's context line (a card about no run ends here). */
    public List<ChatBlock> blocks() {
        return List.copyOf(blocks);
    }

    /** The run's context line (mode, tool calls, time, run id, denied calls) and the blocks. */
    public List<ChatBlock> done(RunInfo info) {
        StringBuilder s = new StringBuilder(info.mode());
        if (info.model() != null) {
            s.append(" · ").append(info.model());
        }
        s.append(" · ")
                .append(info.toolCalls().size())
                .append(" tool calls · ")
                .append(info.durationMillis())
                .append(" ms · as ")
                .append(info.principal())
                .append(" · run ")
                .append(info.runId());
        long denied = info.toolCalls().stream()
                .filter(c -> c.status().equals("denied"))
                .count();
        if (denied > 0) {
            s.append(" · ").append(denied).append(" calls denied to ").append(info.principal());
        }
        if (!info.ungrounded().isEmpty()) {
            s.append(" · ").append(info.ungrounded().size()).append(" ungrounded claims dropped");
        }
        blocks.add(ChatBlock.divider());
        blocks.add(ChatBlock.context(s.toString()));
        return List.copyOf(blocks);
    }

    /** Text on one line, at most {@code max} characters. */
    public static String line(String s, int max) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    /** How a team is reached: {@code team · #chat · on call x}, or {@code unknown owner}. */
    public static String owner(Owner o) {
        if (o == null || o.team() == null) {
            return "unknown owner";
        }
        return o.team()
                + (o.chat() == null ? "" : " · " + o.chat())
                + (o.oncall() == null ? "" : " · on call " + o.oncall());
    }
}
