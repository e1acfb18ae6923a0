package dev.meshpilot.agents.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the steps of a runbook: its list items, each with its continuation lines, Markdown emphasis removed. */
final class Runbooks {
    private static final Pattern ITEM = Pattern.compile("^\\s*([0-9]+[.)]|[-*])\\s+(.*)$");

    private Runbooks() {}

    static List<String> steps(String body, int max) {
        List<String> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        StringBuilder item = null;
        for (String line : body.split("\n")) {
            var m = ITEM.matcher(line);
            if (m.matches()) {
                flush(out, item);
                item = new StringBuilder(m.group(2).strip());
            } else if (item != null && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
                item.append(' ').append(line.strip());
            } else {
                flush(out, item);
                item = null;
            }
            if (out.size() >= max) {
                return out.subList(0, max);
            }
        }
        flush(out, item);
        return out.size() > max ? out.subList(0, max) : out;
    }

    private static void flush(List<String> out, StringBuilder item) {
        if (item != null && !item.isEmpty()) {
            out.add(item.toString().replace("**", "").replace("`", ""));
        }
    }
}
