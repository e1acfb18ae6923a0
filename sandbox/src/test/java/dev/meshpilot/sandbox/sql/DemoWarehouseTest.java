package dev.meshpilot.sandbox.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo warehouse script ({@code examples/acme-retail/warehouse/acme-warehouse.sql}) loads the way the
 * workspace loader runs it, and two callers, one allowed PII and one not, get outputs that differ exactly in
 * the columns the contracts classify as PII.
 */
class DemoWarehouseTest {
    private static final Map<String, Set<String>> PII = Map.of(
            "customers__customer_profile", Set.of("email", "phone", "birth_date"),
            "customers__customer_360", Set.of("email"));

    @TempDir
    static Path dir;

    private static ReadOnlySql sql;

    @BeforeAll
    static void load() throws Exception {
        Path script =
                Path.of(System.getProperty("meshpilot.root", "."), "examples/acme-retail/warehouse/acme-warehouse.sql");
        assumeTrue(Files.isRegularFile(script), "the demo warehouse script is not in this checkout");
        Path file = dir.resolve("warehouse.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.executeUpdate(Files.readString(script, StandardCharsets.UTF_8));
            c.commit();
        }
        sql = ReadOnlySql.open(file, SqlLimits.defaults());
    }

    private static SqlPolicy caller(boolean pii) {
        SqlPolicy policy = SqlPolicy.denyAll().allow("payments__refunds").allow("finance__revenue_daily");
        for (String table : PII.keySet()) {
            policy = pii
                    ? policy.allow(table)
                    : policy.allow(table, PII.get(table).toArray(String[]::new));
        }
        return policy;
    }

    @ParameterizedTest
    @CsvSource({"customers__customer_profile", "customers__customer_360"})
    void should_differ_exactly_in_the_pii_columns_when_one_caller_may_see_pii(String table) {
        String query = "SELECT * FROM " + table + " ORDER BY customer_id";
        SqlResult steward = sql.execute(caller(true), query);
        SqlResult analyst = sql.execute(caller(false), query);

        assertThat(steward.status()).isEqualTo(SqlStatus.OK);
        assertThat(analyst.columns()).isEqualTo(steward.columns());
        assertThat(analyst.rows()).hasSize(600).hasSameSizeAs(steward.rows());
        for (int col = 0; col < steward.columns().size(); col++) {
            boolean pii = PII.get(table).contains(steward.columns().get(col));
            for (int row = 0; row < steward.rows().size(); row++) {
                Object seen = steward.rows().get(row).get(col);
                Object masked = analyst.rows().get(row).get(col);
                assertThat(masked).isEqualTo(pii ? MaskingViews.MASK : seen);
            }
        }
        assertThat(steward.rows().toString()).contains("@example.");
        assertThat(analyst.rows().toString()).doesNotContain("@example.");
    }

    @Test
    void should_show_the_seeded_duplicates_and_negative_revenue_when_queried() {
        SqlResult duplicates = sql.execute(
                caller(false),
                "SELECT refund_date, count(*) - count(DISTINCT refund_id) "
                        + "FROM payments__refunds GROUP BY refund_date HAVING count(*) > count(DISTINCT refund_id)");
        SqlResult negative = sql.execute(
                caller(false), "SELECT DISTINCT revenue_date FROM finance__revenue_daily WHERE net_revenue < 0");

        assertThat(duplicates.rows()).hasSize(1);
        assertThat(duplicates.rows().get(0).get(0)).isEqualTo("2026-11-23");
        assertThat(negative.rows()).containsExactly(List.of("2026-11-23"));
    }

    @Test
    void should_refuse_tables_of_other_products_when_the_caller_was_not_granted_them() {
        SqlResult r = sql.execute(caller(true), "SELECT card_number FROM payments__transactions");

        assertThat(r.denial()).isEqualTo(SqlDenial.TABLE_NOT_ALLOWED);
        assertThat(r.reason())
                .contains("allowed tables: customers__customer_360, customers__customer_profile, "
                        + "finance__revenue_daily, payments__refunds");
    }
}
