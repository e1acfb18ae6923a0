package dev.meshpilot.sandbox.sql;

import dev.meshpilot.sandbox.sql.Token.Kind;
import java.util.List;

/** Reads one token for {@link SqlLexer}: literals, quoted names, words, numbers and operators. */
final class TokenReader {
    private static final List<String> OPERATORS = List.of(
            "->>", "->", "||", "<=", ">=", "==", "!=", "<>", "<<", ">>", "(", ")", ",", "+", "-", "*", "/", "%", "<",
            ">", "=", "&", "|", "~", ".");

    private TokenReader() {}

    /** The token starting at {@code at}, whose first two characters are {@code c} and {@code next}. */
    static Token read(String sql, int at, char c, char next) {
        if (c == '\'') {
            return quoted(sql, at, at, '\'', Kind.STRING);
        }
        if ((c == 'x' || c == 'X') && next == '\'') {
            return quoted(sql, at, at + 1, '\'', Kind.BLOB);
        }
        if (c == '"' || c == '`') {
            return quoted(sql, at, at, c, Kind.QUOTED);
        }
        if (c == '[') {
            int end = sql.indexOf(']', at + 1);
            if (end < 0) {
                throw SqlLexer.malformed("unterminated [identifier starting at offset " + at);
            }
            return new Token(Kind.QUOTED, sql.substring(at, end + 1), sql.substring(at + 1, end), at);
        }
        if (c == ';') {
            return new Token(Kind.SEMICOLON, ";", ";", at);
        }
        if (Character.isLetter(c) && c < 0x80 || c == '_') {
            int end = at + 1;
            while (end < sql.length() && isWordPart(sql.charAt(end))) {
                end++;
            }
            return new Token(Kind.WORD, sql.substring(at, end), sql.substring(at, end), at);
        }
        if (isDigit(c) || c == '.' && isDigit(next)) {
            int end = at + 1;
            boolean hex = sql.startsWith("0x", at) || sql.startsWith("0X", at);
            while (end < sql.length() && isNumberPart(sql, end, hex)) {
                end++;
            }
            return new Token(Kind.NUMBER, sql.substring(at, end), sql.substring(at, end), at);
        }
        if (c == '?' || c == ':' || c == '@' || c == '$' || c == '#') {
            throw SqlLexer.malformed("query parameters (?, :name, @name, $name) are not supported, found '" + c
                    + "' at offset " + at + ": write the values into the query");
        }
        if (c >= 0x80) {
            throw new Denied(
                    SqlDenial.NON_ASCII,
                    Characters.describe(sql, at) + " is outside a string literal: keywords and names must be "
                            + "plain ASCII (non-ASCII text is allowed only inside '...' literals)");
        }
        for (String op : OPERATORS) {
            if (sql.startsWith(op, at)) {
                return new Token(Kind.OPERATOR, op, op, at);
            }
        }
        throw SqlLexer.malformed("unexpected character '" + c + "' at offset " + at);
    }

    private static Token quoted(String sql, int start, int open, char quote, Kind kind) {
        StringBuilder value = new StringBuilder();
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                    continue;
                }
                return new Token(kind, sql.substring(start, i + 1), value.toString(), start);
            }
            value.append(c);
            i++;
        }
        String what = kind == Kind.QUOTED ? "quoted identifier" : "literal";
        throw SqlLexer.malformed("unterminated " + what + " starting at offset " + start);
    }

    private static boolean isWordPart(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '$');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNumberPart(String sql, int i, boolean hex) {
        char c = sql.charAt(i);
        if (isWordPart(c) || c == '.') {
            return true;
        }
        // an exponent sign: 1e+5, 2.5E-3
        char previous = sql.charAt(i - 1);
        return (c == '+' || c == '-') && (previous == 'e' || previous == 'E') && !hex;
    }
}
