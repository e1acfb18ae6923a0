package dev.meshpilot.sandbox.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The program check ({@code EXPLAIN}) catches what the text checks cannot see: views stored in main that
 * name {@code main.} tables, index seeks on masked columns, scans ordered by a masked key, tables reached
 * only through a view; and it maps storage fields to columns exactly, so it does not refuse what is fine.
 */
class ProgramCheckTest {
    @TempDir
    static Path dir;

    private static ReadOnlySql sql;

    @BeforeAll
    static void build() throws Exception {
        sql = ReadOnlySql.open(TestWarehouse.build(dir, 1), SqlLimits.defaults());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SELECT phone FROM raw_phone_owners                    | reads column phone of table customer_phones",
                "SELECT upper(phone) FROM raw_phone_owners WHERE 1     | reads column phone of table customer_phones",
                "SELECT * FROM raw_domains                             | reads column email of table customers",
                "SELECT count(*) FROM raw_domains WHERE domain > 'a'   | reads column email of table customers",
                "SELECT n FROM raw_email_count                         | in the order of column email (through index customers_email)",
                "SELECT customer_id FROM phone_book                    | scans table phone_book in the order of column phone",
                "SELECT count(*) FROM raw_partial                      | partial-index condition (through index customers_country_pii)",
                "SELECT count(*) FROM raw_emails WHERE email LIKE 'p%' | in the order of column email (through index customers_email)",
            })
    void should_refuse_a_masked_column_when_a_stored_view_bypasses_the_mask(String query, String reason) {
        SqlResult r = sql.execute(TestWarehouse.masked(), query);

        assertThat(r.status()).isEqualTo(SqlStatus.DENIED);
        assertThat(r.denial()).isEqualTo(SqlDenial.MASKED_COLUMN);
        assertThat(r.reason()).contains(reason).contains("masked for this caller");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SELECT customer_id, label FROM raw_phone_owners ORDER BY 1, 2 | 20",
                "SELECT id FROM raw_emails ORDER BY id                         | 40",
                "SELECT name_upper FROM customers                              | 40",
                "SELECT value FROM json_each('[1, 2, 3]')                      | 3",
                "SELECT o.status FROM orders o JOIN customer_phones p ON p.customer_id = o.customer_id | 60",
            })
    void should_run_the_query_when_it_reads_no_masked_column(String query, int rows) {
        SqlResult r = sql.execute(TestWarehouse.masked(), query);

        assertThat(r.status()).as(r.reason()).isEqualTo(SqlStatus.OK);
        assertThat(r.rows()).hasSize(rows);
    }

    @Test
    void should_show_what_stored_views_read_when_the_caller_may_see_pii() {
        SqlResult r = sql.execute(TestWarehouse.pii(), "SELECT email FROM raw_emails WHERE id = 3");

        assertThat(r.status()).isEqualTo(SqlStatus.OK);
        assertThat(r.rows()).containsExactly(java.util.List.of(TestWarehouse.email(3, 1)));
    }

    @Test
    void should_refuse_a_table_reached_only_through_a_view_when_the_caller_may_not_read_it() {
        SqlResult r = sql.execute(TestWarehouse.masked(), "SELECT * FROM canary_view");

        assertThat(r.denial()).isEqualTo(SqlDenial.TABLE_NOT_ALLOWED);
        assertThat(r.reason()).contains("canary").contains("allowed tables: customer_phones, customers, orders");
    }

    @Test
    void should_refuse_the_whole_table_when_its_rowid_alias_is_masked() {
        SqlPolicy idMasked = SqlPolicy.denyAll().allow("customers", "id");

        SqlResult r = sql.execute(idMasked, "SELECT name FROM customers");

        assertThat(r.denial()).isEqualTo(SqlDenial.MASKED_COLUMN);
        assertThat(r.reason()).contains("scans table customers in the order of column id (the rowid)");
    }

    @Test
    void should_give_the_same_refusal_when_a_table_is_missing_or_forbidden() {
        SqlResult missing = sql.execute(TestWarehouse.masked(), "SELECT * FROM secrets");
        SqlResult forbidden = sql.execute(TestWarehouse.masked(), "SELECT * FROM canary");

        assertThat(missing.denial()).isEqualTo(forbidden.denial()).isEqualTo(SqlDenial.TABLE_NOT_ALLOWED);
        assertThat(missing.reason().replace("secrets", "X"))
                .isEqualTo(forbidden.reason().replace("canary", "X"));
    }

    @Test
    void should_report_sqlite_errors_when_an_allowed_query_is_wrong() {
        SqlResult column = sql.execute(TestWarehouse.masked(), "SELECT nope FROM orders");
        SqlResult ghost = sql.execute(SqlPolicy.denyAll().allow("ghost"), "SELECT * FROM ghost");

        assertThat(column.status()).isEqualTo(SqlStatus.ERROR);
        assertThat(column.reason()).isEqualTo("SQLite refused the query: no such column: nope");
        assertThat(ghost.status()).isEqualTo(SqlStatus.ERROR);
        assertThat(ghost.reason()).contains("no such table: ghost");
    }
}
