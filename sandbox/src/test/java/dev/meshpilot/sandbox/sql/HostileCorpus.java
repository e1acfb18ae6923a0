package dev.meshpilot.sandbox.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code hostile.tsv}: one case a line, {@code CATEGORY<TAB>input}; {@code #} starts a comment line.
 * The input may use {@code \t \n \r \\} escapes, a backslash, u and four hex digits for any UTF-16 unit, and {@code {{repeat N text}}}, so control
 * characters, look-alikes and huge inputs stay readable in the file.
 */
final class HostileCorpus {
    /** One hostile input and the refusal category it must get. */
    record Case(int line, SqlDenial expected, String sql) {
        @Override
        public String toString() {
            String shown = sql.length() > 80 ? sql.substring(0, 80) + "..." : sql;
            return "line " + line + " " + expected + ": " + shown.replaceAll("\\p{Cntrl}", "?");
        }
    }

    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat (\\d+) (.*?)}}");

    private HostileCorpus() {}

    static List<Case> read() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = HostileCorpus.class.getResourceAsStream("hostile.tsv")) {
            if (in == null) {
                throw new IOException("hostile.tsv is missing from the test resources");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IOException("hostile.tsv line " + (i + 1) + ": no tab between category and input");
                }
                cases.add(new Case(i + 1, SqlDenial.valueOf(line.substring(0, tab)), decode(line.substring(tab + 1))));
            }
        }
        return cases;
    }

    static String decode(String raw) {
        Matcher m = REPEAT.matcher(raw);
        StringBuilder expanded = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(expanded, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(expanded);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < expanded.length(); i++) {
            char c = expanded.charAt(i);
            if (c != '\\' || i + 1 == expanded.length()) {
                out.append(c);
                continue;
            }
            char next = expanded.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    out.append((char) Integer.parseInt(expanded.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
