package dev.meshpilot.sandbox.sql;

import java.util.List;

/**
 * A query that passed the text checks: the statement to prepare (comments removed, cut before any trailing
 * {@code ;}), its tokens, and how many {@code json_each}/{@code json_tree} calls it names (the only virtual
 * tables the program check lets through).
 */
record CheckedSql(String statement, List<Token> tokens, int jsonTableCalls) {
    CheckedSql {
        tokens = List.copyOf(tokens);
    }
}
