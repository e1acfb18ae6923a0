package dev.meshpilot.sandbox.sql;

import dev.meshpilot.sandbox.sql.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into SQLite's tokens and drops the comments. Stricter than SQLite: unterminated comments and
 * literals, comments holding a {@code ;}, query parameters, unknown characters and non-ASCII characters
 * outside string literals are refused rather than guessed at, so the text that is checked is exactly the
 * text that SQLite will see.
 */
final class SqlLexer {
    /** The tokens, and the text with every comment replaced by one space and cut before the first {@code ;}. */
    record Lexed(List<Token> tokens, String statement) {}

    private SqlLexer() {}

    static Lexed lex(String sql) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder clean = new StringBuilder(sql.length());
        int cut = -1;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                clean.append(c);
                i++;
                continue;
            }
            if (c == '-' && next == '-') {
                int end = sql.indexOf('\n', i);
                i = comment(sql, i, end < 0 ? sql.length() : end);
                clean.append(' ');
                continue;
            }
            if (c == '/' && next == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw malformed("unterminated /* comment starting at offset " + i);
                }
                i = comment(sql, i, end + 2);
                clean.append(' ');
                continue;
            }
            Token token = TokenReader.read(sql, i, c, next);
            if (token.kind() == Kind.SEMICOLON && cut < 0) {
                cut = clean.length();
            }
            tokens.add(token);
            clean.append(token.text());
            i += token.text().length();
        }
        return new Lexed(List.copyOf(tokens), cut < 0 ? clean.toString() : clean.substring(0, cut));
    }

    /** Skips the comment {@code [start, end)}; one that holds a {@code ;} could be hiding a statement. */
    private static int comment(String sql, int start, int end) {
        int semicolon = sql.indexOf(';', start);
        if (semicolon >= 0 && semicolon < end) {
            throw new Denied(
                    SqlDenial.MULTIPLE_STATEMENTS,
                    "the comment starting at offset " + start
                            + " contains ';': comments may not hide a second statement");
        }
        return end;
    }

    static Denied malformed(String reason) {
        return new Denied(SqlDenial.MALFORMED, reason);
    }
}
