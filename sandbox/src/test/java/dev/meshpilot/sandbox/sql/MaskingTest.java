package dev.meshpilot.sandbox.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Masking holds whatever way a query reaches a masked column. Non-interference: two warehouses that differ
 * only in their PII give the masked caller identical results, which contain no PII; the caller allowed to
 * see PII gets different results from the same query (so each query really does reach PII).
 */
class MaskingTest {
    private static final Pattern PII_SHAPES = Pattern.compile("pii\\.example|pq\\d|5550|19\\d\\d-\\d\\d-\\d\\d");

    @TempDir
    static Path dir;

    private static ReadOnlySql first;
    private static ReadOnlySql second;

    @BeforeAll
    static void build() throws Exception {
        SqlLimits limits = SqlLimits.defaults().withMaxRows(5_000);
        first = ReadOnlySql.open(TestWarehouse.build(dir, 1), limits);
        second = ReadOnlySql.open(TestWarehouse.build(dir, 2), limits);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT email FROM customers",
                "SELECT email AS e, phone AS p, birth_date AS b FROM customers AS c",
                "SELECT * FROM customers",
                "SELECT c.* FROM customers c",
                "SELECT lower(email), upper(phone), trim(birth_date) FROM customers",
                "SELECT email || '', phone || birth_date FROM customers",
                "SELECT CAST(phone AS INTEGER), CAST(birth_date AS TEXT), CAST(email AS BLOB) FROM customers",
                "SELECT substr(email, 1, 3), length(email), unicode(email), hex(email), instr(email, '@') FROM customers",
                "SELECT printf('%s', email), quote(phone), replace(email, '@', ' at ') FROM customers",
                "SELECT group_concat(email, ',') FROM customers",
                "SELECT max(email), min(birth_date), max(phone) FROM customers",
                "SELECT count(*) FROM customers WHERE email LIKE 'pq1%'",
                "SELECT id FROM customers WHERE email LIKE 'pq1%' ORDER BY id",
                "SELECT count(*) FROM customers WHERE birth_date < '1970-01-01'",
                "SELECT id FROM customers ORDER BY email LIMIT 5",
                "SELECT name FROM customers UNION SELECT email FROM customers",
                "SELECT email FROM customers WHERE id < 5 INTERSECT SELECT email FROM customers",
                "SELECT (SELECT email FROM customers WHERE id = 1)",
                "SELECT x FROM (SELECT email AS x FROM customers)",
                "SELECT id FROM customers WHERE email IN (SELECT email FROM customers WHERE id < 5)",
                "WITH e AS (SELECT email FROM customers) SELECT * FROM e",
                "WITH RECURSIVE r(n, s) AS (SELECT 1, (SELECT phone FROM customers WHERE id = 2) "
                        + "UNION ALL SELECT n + 1, s FROM r WHERE n < 3) SELECT s FROM r",
                "SELECT * FROM customer_contacts",
                "SELECT o.order_id, c.email FROM orders o JOIN customers c ON c.id = o.customer_id",
                "SELECT count(*) FROM customers a JOIN customers b ON a.email = b.email AND a.id <> b.id",
                "SELECT email, row_number() OVER (ORDER BY email) FROM customers",
                "SELECT lag(phone) OVER (ORDER BY id), first_value(birth_date) OVER () FROM customers",
                "SELECT CASE WHEN email LIKE 'pq2%' THEN 'yes' ELSE 'no' END FROM customers",
                "SELECT iif(instr(email, '1') > 0, 1, 0), coalesce(phone, email) FROM customers",
                "SELECT json_object('e', email, 'p', phone) FROM customers",
                "SELECT json_group_array(birth_date) FROM customers",
                "SELECT json_extract(json_object('e', email), '$.e') FROM customers",
                "SELECT value FROM customers, json_each(json_array(email, phone))",
                "SELECT count(*) FROM customers GROUP BY substr(email, 3, 1)",
                "SELECT total(unicode(substr(email, 3, 1))) FROM customers",
                "SELECT name_upper, email FROM customers",
                "SELECT customer_id, phone, label FROM customer_phones",
                "SELECT label FROM customer_phones WHERE phone > '+99 5550 5'",
                "SELECT p.label, c.phone FROM customer_phones p JOIN customers c ON c.id = p.customer_id",
                "VALUES ((SELECT email FROM customers ORDER BY email LIMIT 1))",
                "SELECT * FROM customers NOT INDEXED WHERE email > 'pq5'",
            })
    void should_never_show_pii_when_the_caller_has_masks(String sql) {
        SqlResult a = first.execute(TestWarehouse.masked(), sql);
        SqlResult b = second.execute(TestWarehouse.masked(), sql);

        assertThat(a.status()).as(a.reason()).isEqualTo(SqlStatus.OK);
        assertThat(a.rows()).as("same result whatever the PII").isEqualTo(b.rows());
        String shown = a.rows().toString();
        assertThat(PII_SHAPES.matcher(shown).find()).as(shown).isFalse();
        for (String value : TestWarehouse.piiValues(1)) {
            assertThat(shown).doesNotContain(value);
        }
        SqlResult seen = first.execute(TestWarehouse.pii(), sql);
        assertThat(seen.status()).as(seen.reason()).isEqualTo(SqlStatus.OK);
        assertThat(seen.rows()).as("the query does reach PII").isNotEqualTo(a.rows());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT email, phone, birth_date FROM customers WHERE id = 7",
                "SELECT * FROM customers WHERE id = 7"
            })
    void should_show_the_real_values_when_the_caller_may_see_pii(String sql) {
        SqlResult r = first.execute(TestWarehouse.pii(), sql);

        assertThat(r.status()).isEqualTo(SqlStatus.OK);
        assertThat(r.rows().get(0))
                .contains(TestWarehouse.email(7, 1), TestWarehouse.phone(7, 1), TestWarehouse.birthDate(7, 1));
        SqlResult masked = first.execute(TestWarehouse.masked(), sql);
        assertThat(masked.rows().get(0)).contains(MaskingViews.MASK).doesNotContain(TestWarehouse.email(7, 1));
        assertThat(masked.columns()).isEqualTo(r.columns());
        assertThat(List.of(r.query(), masked.query())).containsOnly(sql);
    }
}
