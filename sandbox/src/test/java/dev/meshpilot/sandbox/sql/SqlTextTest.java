package dev.meshpilot.sandbox.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text checks let ordinary queries through untouched, and prepare exactly the text they checked. */
class SqlTextTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT replace(status, 'paid', 'PAID') FROM orders",
                "SELECT 'DROP TABLE canary; PRAGMA query_only = 0' AS harmless",
                "SELECT 'Zoë', 'ＳＥＬＥＣＴ', '日本' AS \"japanese name\"",
                "WITH t AS (SELECT 1 AS n) SELECT n FROM t",
                "VALUES (1, 'a'), (2, 'b')",
                "SELECT x'00ff', 1e-3, 0x1F, 1_000, .5, 'it''s'",
                "SELECT [order id], `total` FROM t",
                "select count(*) from orders where status glob 'p*' and amount -> '$' is null",
                "SELECT 1;",
                "SELECT 1; -- done\n;",
            })
    void should_accept_the_query_when_it_is_a_plain_select(String sql) {
        assertThat(SqlText.check(sql, 10_000).statement().strip())
                .startsWith(sql.substring(0, 6))
                .doesNotEndWith(";");
    }

    @Test
    void should_prepare_the_text_without_comments_when_the_query_has_some() {
        CheckedSql checked = SqlText.check("SELECT /* a */ 1 -- b\n, 2 ; /* c */", 1_000);

        assertThat(checked.statement()).isEqualTo("SELECT   1  \n, 2 ");
        assertThat(checked.tokens()).extracting(Token::text).containsExactly("SELECT", "1", ",", "2");
    }

    @Test
    void should_count_json_table_calls_when_the_query_names_them() {
        CheckedSql checked = SqlText.check("SELECT * FROM json_each('[1]'), json_tree('{}') j", 1_000);

        assertThat(checked.jsonTableCalls()).isEqualTo(2);
    }

    @Test
    void should_name_the_offending_character_when_it_is_a_look_alike() {
        assertThatThrownBy(() -> SqlText.check("SELECT * FROM \u0441ustomers", 1_000))
                .isInstanceOfSatisfying(
                        Denied.class, d -> assertThat(d.denial()).isEqualTo(SqlDenial.NON_ASCII))
                .hasMessageContaining("U+0441 (CYRILLIC SMALL LETTER ES) at offset 14");
    }

    @Test
    void should_lex_operators_and_quoted_names_when_they_touch() {
        SqlLexer.Lexed lexed = SqlLexer.lex("SELECT a->>'$'||\"b\"\"c\"<=[d]");

        assertThat(lexed.tokens())
                .extracting(Token::value)
                .containsExactly("SELECT", "a", "->>", "$", "||", "b\"c", "<=", "d");
    }
}
