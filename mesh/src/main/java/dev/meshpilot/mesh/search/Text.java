package dev.meshpilot.mesh.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Small text helpers for building documents: joining, Markdown stripping, and cutting to a length. */
final class Text {
    private static final Pattern CODE_BLOCK = Pattern.compile("```.*?```", Pattern.DOTALL);
    private static final Pattern MARKUP = Pattern.compile("[#*`>|]+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Text() {}

    /** The non-blank parts joined by {@code sep}. */
    static String join(String sep, Collection<String> parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(p.strip());
            }
        }
        return String.join(sep, kept);
    }

    static String join(String sep, String... parts) {
        return join(sep, java.util.Arrays.asList(parts));
    }

    /** Markdown as plain prose: code blocks dropped, markup characters removed, whitespace collapsed. */
    static String plain(String markdown) {
        if (markdown == null) {
            return "";
        }
        String s = CODE_BLOCK.matcher(markdown).replaceAll(" ");
        s = MARKUP.matcher(s).replaceAll(" ");
        return SPACE.matcher(s).replaceAll(" ").strip();
    }

    /** At most {@code max} characters, cut at a word boundary with an ellipsis when cut. */
    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        String s = SPACE.matcher(text).replaceAll(" ").strip();
        if (s.length() <= max) {
            return s;
        }
        int end = s.lastIndexOf(' ', max - 1);
        return s.substring(0, end > max / 2 ? end : max - 1).strip() + "…";
    }

    /** The paragraph under a Markdown heading (e.g. "When to use"), or the empty string. */
    static String section(String markdown, String heading) {
        if (markdown == null) {
            return "";
        }
        int at = markdown.indexOf("# " + heading);
        if (at < 0) {
            return "";
        }
        int start = markdown.indexOf('\n', at);
        if (start < 0) {
            return "";
        }
        int next = markdown.indexOf("\n#", start);
        return plain(markdown.substring(start, next < 0 ? markdown.length() : next));
    }
}
