package dev.meshpilot.server.chat.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.catalog.Renderers.ChatBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders chat blocks as Slack Block Kit within Slack's limits: at most {@value #MAX_BLOCKS} blocks, {@value
 * #MAX_SECTION} characters a section, {@value #MAX_HEADER} a header, and about {@value #MAX_TOTAL} in all. What does
 * not fit is cut, and a last context block says so and names the command (or button) for the full report. Text is
 * escaped ({@code & < >}), so text from the mesh cannot mention {@code @channel} or forge a link. Stateless.
 */
final class BlockKit {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    static final int MAX_HEADER = 150;
    static final int MAX_TOTAL = 12_000;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private BlockKit() {}

    /** The blocks, then {@code actions} (kept whatever is cut), then the truncation note when something was cut. */
    static ArrayNode render(List<ChatBlock> blocks, String full, ObjectNode actions) {
        List<ObjectNode> all = new ArrayList<>();
        for (ChatBlock b : blocks) {
            all.addAll(convert(b));
        }
        int room = MAX_BLOCKS - (actions == null ? 0 : 1) - 1;
        ArrayNode out = F.arrayNode();
        int chars = 0;
        int shown = 0;
        for (ObjectNode b : all) {
            int size = b.toString().length();
            if (shown >= room || chars + size > MAX_TOTAL) {
                break;
            }
            out.add(b);
            chars += size;
            shown++;
        }
        if (actions != null) {
            out.add(actions);
        }
        if (shown < all.size()) {
            out.add(context("_Cut to fit Slack: " + shown + " of " + all.size() + " blocks shown. The full report: "
                    + (full == null ? "the *Full report* button" : "`" + escape(full) + "` or the *Full report* button")
                    + "._"));
        }
        return out;
    }

    static List<ObjectNode> convert(ChatBlock b) {
        return switch (b.type()) {
            case "header" -> List.of(header(b.text()));
            case "context" -> List.of(context(clip(escape(b.text()), MAX_SECTION)));
            case "divider" -> List.of(F.objectNode().put("type", "divider"));
            case "markdown" -> sections(mrkdwn(b.text()));
            default -> sections(escape(b.text()));
        };
    }

    /** Text split into sections of at most {@value #MAX_SECTION} characters, at line ends where it can. */
    static List<ObjectNode> sections(String text) {
        List<ObjectNode> out = new ArrayList<>();
        String rest = text;
        while (!rest.isBlank()) {
            int cut = rest.length() <= MAX_SECTION ? rest.length() : rest.lastIndexOf('\n', MAX_SECTION);
            cut = cut <= 0 ? Math.min(MAX_SECTION, rest.length()) : cut;
            out.add(section(rest.substring(0, cut)));
            rest = rest.substring(cut);
        }
        return out;
    }

    static ObjectNode section(String mrkdwn) {
        ObjectNode s = F.objectNode().put("type", "section");
        s.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
        return s;
    }

    static ObjectNode header(String text) {
        ObjectNode h = F.objectNode().put("type", "header");
        h.putObject("text").put("type", "plain_text").put("text", clip(text.replaceAll("\\s+", " "), MAX_HEADER));
        return h;
    }

    static ObjectNode context(String mrkdwn) {
        ObjectNode c = F.objectNode().put("type", "context");
        c.putArray("elements").addObject().put("type", "mrkdwn").put("text", mrkdwn);
        return c;
    }

    /** Slack's three control characters escaped: {@code &}, {@code <} and {@code >}. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Markdown (as agents render it) in Slack's mrkdwn: headings and {@code **bold**} as {@code *bold*}. */
    static String mrkdwn(String markdown) {
        StringBuilder out = new StringBuilder();
        for (String line : escape(markdown).split("\n", -1)) {
            String l = line.replaceAll("\\*\\*(.+?)\\*\\*", "*$1*");
            if (l.matches("#{1,6} .*")) {
                l = "*" + l.replaceFirst("#{1,6} ", "") + "*";
            } else if (l.startsWith("- ")) {
                l = "• " + l.substring(2);
            } else if (l.equals("---")) {
                l = "";
            }
            out.append(l).append('\n');
        }
        return out.toString().strip();
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
