package dev.meshpilot.sandbox.sql;

import dev.meshpilot.sandbox.sql.Token.Kind;
import java.util.List;
import java.util.Set;

/**
 * The checks made on the text alone, before any connection is opened, in order: size, characters, tokens,
 * a single statement, a query keyword first, then every token against the refused keywords and names.
 */
final class SqlText {
    static final int MAX_NESTING = 64;

    private static final Set<String> QUERY_STARTS = Set.of("SELECT", "WITH", "VALUES");

    private SqlText() {}

    static CheckedSql check(String sql, int maxChars) {
        if (sql.length() > maxChars) {
            throw new Denied(
                    SqlDenial.TOO_LARGE,
                    "the query is " + sql.length() + " characters long; at most " + maxChars + " are allowed");
        }
        Characters.check(sql);
        SqlLexer.Lexed lexed = SqlLexer.lex(sql);
        List<Token> statement = single(lexed.tokens());
        first(statement.get(0));
        int jsonCalls = 0;
        int depth = 0;
        for (int i = 0; i < statement.size(); i++) {
            Token token = statement.get(i);
            depth += token.is("(") ? 1 : token.is(")") ? -1 : 0;
            if (depth > MAX_NESTING) {
                throw new Denied(
                        SqlDenial.MALFORMED,
                        "parentheses nest deeper than " + MAX_NESTING + " levels at offset " + token.offset()
                                + "; flatten the query");
            }
            TokenRules.keyword(token, i + 1 < statement.size() ? statement.get(i + 1) : null);
            if (token.isName()) {
                TokenRules.name(statement, i);
                jsonCalls += TokenRules.isJsonTable(token) ? 1 : 0;
            }
        }
        return new CheckedSql(lexed.statement(), statement, jsonCalls);
    }

    private static List<Token> single(List<Token> tokens) {
        int semicolon = 0;
        while (semicolon < tokens.size() && tokens.get(semicolon).kind() != Kind.SEMICOLON) {
            semicolon++;
        }
        for (Token after : tokens.subList(semicolon, tokens.size())) {
            if (after.kind() != Kind.SEMICOLON) {
                throw new Denied(
                        SqlDenial.MULTIPLE_STATEMENTS,
                        "only one statement is allowed, but '" + after.text() + "' at offset " + after.offset()
                                + " follows the ';' that ends the first one");
            }
        }
        if (semicolon == 0) {
            throw new Denied(SqlDenial.MALFORMED, "the query is empty: send one SELECT, WITH or VALUES statement");
        }
        return tokens.subList(0, semicolon);
    }

    private static void first(Token token) {
        String word = token.keyword();
        if (QUERY_STARTS.contains(word)) {
            return;
        }
        TokenRules.keyword(token, null);
        String shown = word.isEmpty() ? "'" + token.text() + "'" : word;
        throw new Denied(
                SqlDenial.NOT_A_QUERY,
                "the statement starts with " + shown
                        + "; only queries starting with SELECT, WITH or VALUES are allowed");
    }
}
