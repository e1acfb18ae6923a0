package dev.meshpilot.sandbox.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runaway queries are stopped by the watchdog, results stop at the caps, and huge values fail on the length limit. */
class RunawayQueryTest {
    private static final Duration TIMEOUT = Duration.ofMillis(800);

    @TempDir
    static Path dir;

    private static Path file;

    @BeforeAll
    static void build() throws Exception {
        file = TestWarehouse.build(dir, 1);
    }

    /**
     * Queries no machine can finish: recursive CTEs without a bound, and joins of 10^11 or more rows (a
     * runaway that finishes inside the limit on a fast moment would make the test depend on machine speed).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r",
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT max(n) FROM r ORDER BY 1",
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                        + "SELECT o.order_id FROM r JOIN orders o ON o.order_id = r.n % 120 ORDER BY random() LIMIT 1",
                // 120^6 = 3 * 10^12 rows
                "SELECT count(*) FROM orders a, orders b, orders c, orders d, orders e, orders f",
                // 40 customers, one join on the indexed email: 40 * 40^7 = 6.5 * 10^12 rows
                "SELECT count(*) FROM customers a, customers b, customers c, customers d, customers e, customers f, "
                        + "customers g, customers h WHERE a.email = b.email",
                // 120^6 rows to sort
                "SELECT a.order_id FROM orders a, orders b, orders c, orders d, orders e, orders f "
                        + "ORDER BY random() LIMIT 1",
            })
    void should_stop_the_query_by_the_watchdog_when_it_cannot_finish(String query) {
        ReadOnlySql sql = ReadOnlySql.open(file, SqlLimits.defaults().withTimeout(TIMEOUT));

        SqlResult r = sql.execute(TestWarehouse.masked(), query);

        // TIMEOUT is only reported when the watchdog's deadline passed and interrupted the statement
        assertThat(r.status()).as(r.reason()).isEqualTo(SqlStatus.TIMEOUT);
        assertThat(r.reason()).contains("stopped after the 800 ms time limit");
        assertThat(r.rows()).isEmpty();
        assertThat(sql.execute(TestWarehouse.masked(), "SELECT count(*) FROM orders")
                        .rows())
                .containsExactly(java.util.List.of(120L));
    }

    @Test
    void should_cut_the_result_when_it_has_more_rows_than_the_cap() {
        ReadOnlySql sql = ReadOnlySql.open(file, SqlLimits.defaults().withMaxRows(50));

        SqlResult r = sql.execute(TestWarehouse.masked(), "SELECT order_id FROM orders ORDER BY order_id");

        assertThat(r.status()).isEqualTo(SqlStatus.TRUNCATED);
        assertThat(r.rows()).hasSize(50);
        assertThat(r.rows().get(49)).containsExactly(50L);
        assertThat(r.reason()).contains("more than 50 rows");
        assertThat(r.ran()).isTrue();
    }

    @Test
    void should_cut_the_result_when_it_passes_the_size_cap() {
        SqlLimits small = new SqlLimits(20_000, 1_000, 1_000_000, 1_000, Duration.ofSeconds(5));
        ReadOnlySql sql = ReadOnlySql.open(file, small);

        SqlResult r = sql.execute(TestWarehouse.masked(), "SELECT printf('%.100c', 'x') FROM orders");

        assertThat(r.status()).isEqualTo(SqlStatus.TRUNCATED);
        assertThat(r.rows()).hasSize(10);
        assertThat(r.reason()).contains("passed 1000 characters");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT zeroblob(100000000)",
                "SELECT randomblob(1000000000)",
                "SELECT printf('%.*c', 100000000, 'x')",
                "SELECT length(group_concat(printf('%.5000c', 'x'))) FROM orders a, orders b",
            })
    void should_fail_fast_when_a_value_grows_past_the_length_limit(String query) {
        ReadOnlySql sql = ReadOnlySql.open(file, SqlLimits.defaults());

        SqlResult r = sql.execute(TestWarehouse.masked(), query);

        // stopped by SQLite's length limit (an ERROR saying so), not by the watchdog (TIMEOUT)
        assertThat(r.status()).as(r.reason()).isEqualTo(SqlStatus.ERROR);
        assertThat(r.reason()).contains("too big");
    }
}
