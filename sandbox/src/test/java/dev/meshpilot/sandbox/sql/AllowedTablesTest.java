package dev.meshpilot.sandbox.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refusal lists the tables the caller may read that exist in the warehouse: a grant on a product without
 * a warehouse table (a stream such as {@code orders.order_events}) must not send the caller to a table that
 * is not there.
 */
class AllowedTablesTest {
    @TempDir
    static Path dir;

    private static ReadOnlySql sql;

    @BeforeAll
    static void build() throws Exception {
        sql = ReadOnlySql.open(TestWarehouse.build(dir, 1), SqlLimits.defaults());
    }

    @Test
    void should_list_only_existing_readable_tables_when_a_grant_names_a_product_without_a_table() {
        SqlPolicy policy = SqlPolicy.denyAll().allow("orders").allow("orders__order_events");

        SqlResult r = sql.execute(policy, "SELECT note FROM canary");

        assertThat(r.denial()).as(r.reason()).isEqualTo(SqlDenial.TABLE_NOT_ALLOWED);
        assertThat(r.reason()).endsWith("allowed tables: orders").doesNotContain("order_events");
    }

    @Test
    void should_say_none_when_no_granted_table_exists() {
        SqlPolicy policy = SqlPolicy.denyAll().allow("orders__order_events");

        SqlResult r = sql.execute(policy, "SELECT count(*) FROM orders");

        assertThat(r.denial()).as(r.reason()).isEqualTo(SqlDenial.TABLE_NOT_ALLOWED);
        assertThat(r.reason()).endsWith("allowed tables: none");
    }

    @Test
    void should_report_a_missing_granted_table_as_missing_not_as_refused() {
        SqlResult r =
                sql.execute(SqlPolicy.denyAll().allow("orders__order_events"), "SELECT * FROM orders__order_events");

        assertThat(r.status()).isEqualTo(SqlStatus.ERROR);
        assertThat(r.reason()).contains("no such table");
    }
}
