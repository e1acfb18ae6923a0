package dev.meshpilot.sandbox.sql;

import java.util.Locale;

/**
 * One SQLite token: {@code value} is the unquoted name for identifiers, the text otherwise; {@code offset}
 * is where it starts in the caller's text.
 */
record Token(Kind kind, String text, String value, int offset) {
    enum Kind {
        /** A bare word: keyword or unquoted identifier. */
        WORD,
        /** A quoted identifier: {@code "x"}, {@code [x]} or {@code `x`}. */
        QUOTED,
        STRING,
        BLOB,
        NUMBER,
        OPERATOR,
        SEMICOLON
    }

    /** Whether this token can name something (a table, column, function or schema). */
    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    /** The name in lower case, for case-insensitive comparison. */
    String lower() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** A bare word in upper case, or empty for any other token: only bare words are keywords. */
    String keyword() {
        return kind == Kind.WORD ? value.toUpperCase(Locale.ROOT) : "";
    }

    boolean is(String operator) {
        return kind == Kind.OPERATOR && text.equals(operator);
    }
}
