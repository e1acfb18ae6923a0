package dev.meshpilot.sandbox.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlySqlTest {
    @TempDir
    Path dir;

    @Test
    void should_report_an_error_and_create_nothing_when_there_is_no_warehouse_yet() {
        Path file = dir.resolve("warehouse.db");
        ReadOnlySql sql = ReadOnlySql.open(file, SqlLimits.defaults());

        SqlResult r = sql.execute(SqlPolicy.denyAll(), "SELECT 1");

        assertThat(r.status()).isEqualTo(SqlStatus.ERROR);
        assertThat(r.reason()).contains("there is no warehouse").contains("meshpilot load");
        assertThat(file).doesNotExist();
    }

    @Test
    void should_read_the_new_file_when_the_warehouse_is_replaced() throws Exception {
        Path file = dir.resolve("warehouse.db");
        ReadOnlySql sql = ReadOnlySql.open(file, SqlLimits.defaults());
        Files.move(TestWarehouse.build(dir, 1), file);

        SqlResult r = sql.execute(TestWarehouse.masked(), "SELECT count(*) FROM orders");

        assertThat(r.rows()).containsExactly(java.util.List.of(120L));
    }

    @Test
    void should_report_an_error_and_create_nothing_when_the_file_disappears() throws Exception {
        Path file = TestWarehouse.build(dir, 1);
        ReadOnlySql sql = ReadOnlySql.open(file, SqlLimits.defaults());
        Files.delete(file);

        SqlResult r = sql.execute(TestWarehouse.masked(), "SELECT 1");

        assertThat(r.status()).isEqualTo(SqlStatus.ERROR);
        assertThat(r.reason()).contains("there is no warehouse");
        assertThat(file).doesNotExist();
    }

    @Test
    void should_echo_a_cut_query_when_the_text_is_over_the_limit() {
        Path file = dir.resolve("any.db");
        SqlResult r = ReadOnlySql.open(
                        writeEmpty(file), new SqlLimits(10, 5, 100, 100, java.time.Duration.ofSeconds(1)))
                .execute(SqlPolicy.denyAll(), "SELECT 1234567890");

        assertThat(r.denial()).isEqualTo(SqlDenial.TOO_LARGE);
        assertThat(r.query()).isEqualTo("SELECT 123... [7 more characters]");
    }

    private static Path writeEmpty(Path file) {
        try {
            return Files.write(file, new byte[0]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
