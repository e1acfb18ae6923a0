package dev.meshpilot.sandbox.sql;

import java.util.Locale;

/**
 * Refuses characters that hide what a query does: control characters (other than tab, newline and
 * carriage return), format characters (zero-width spaces and joiners, bidi overrides, the byte order mark,
 * the soft hyphen), spaces other than the ASCII space, line and paragraph separators, private-use,
 * unassigned and unpaired surrogate code points. They are refused everywhere, in literals too.
 */
final class Characters {
    private Characters() {}

    static void check(String sql) {
        for (int i = 0; i < sql.length(); ) {
            int cp = sql.codePointAt(i);
            if (!allowed(cp)) {
                throw new Denied(
                        SqlDenial.ILLEGAL_CHARACTER,
                        describe(sql, i) + " is not allowed: use printable characters, spaces, tabs and newlines only");
            }
            i += Character.charCount(cp);
        }
    }

    /** For example {@code character U+200B (ZERO WIDTH SPACE) at offset 6}. */
    static String describe(String sql, int offset) {
        int cp = sql.codePointAt(offset);
        String name = Character.getName(cp);
        return String.format(
                Locale.ROOT, "character U+%04X (%s) at offset %d", cp, name == null ? "unnamed" : name, offset);
    }

    private static boolean allowed(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r' || cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
