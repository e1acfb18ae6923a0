package dev.meshpilot.server.cli;

import static dev.meshpilot.server.cli.Cli.DEMO;
import static dev.meshpilot.server.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.server.cli.Cli.Run;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshpilot sql} and {@code meshpilot audit} on the demo mesh, for principals with different grants. */
class SqlAndAuditCommandTest {

    @TempDir
    static Path tmp;

    static String home;

    @BeforeAll
    static void loadDemo() {
        home = tmp.resolve("home").toString();
        assertThat(run("load", DEMO.toString(), "--home", home).exit()).isZero();
    }

    @Test
    void should_mask_pii_for_a_principal_without_pii_read_and_show_it_to_one_with_it() {
        String query = "SELECT customer_id, email, lower(email) AS e, country_code FROM customers__customer_360 "
                + "ORDER BY customer_id LIMIT 5";
        Run steward = run("sql", "--as", "carmen", "--home", home, "--format", "json", query);
        Run marketer = run("sql", "--as", "priya", "--home", home, "--format", "json", query);

        assertThat(steward.exit()).as(steward.err()).isZero();
        assertThat(marketer.exit()).as(marketer.err()).isZero();
        assertThat(steward.out()).contains("@example");
        assertThat(marketer.out()).doesNotContain("@example").contains("[REDACTED]");
        assertThat(marketer.out()).as("non-PII columns are the same").contains("\"C-1002028\"", "\"IT\"");
    }

    @Test
    void should_refuse_writes_and_tables_outside_the_grants_with_the_reason_and_audit_them() {
        Run write = run("sql", "--as", "carmen", "--home", home, "DROP TABLE customers__customer_profile");
        Run outside = run("sql", "--as", "priya", "--home", home, "SELECT * FROM payments__transactions");
        Run stranger = run("sql", "--as", "nobody", "--home", home, "SELECT 1");

        assertThat(write.exit()).isEqualTo(2);
        assertThat(write.err()).contains("error [sandbox_denied]").contains("read-only");
        assertThat(outside.err())
                .contains("payments__transactions is not readable")
                .contains("allowed tables:");
        assertThat(stranger.err()).contains("no principal 'nobody'").contains("carmen");
        Run tail = run("audit", "tail", "--home", home, "--principal", "priya");
        assertThat(tail.out()).contains("sql.query").contains("denied");
        assertThat(run("audit", "verify", "--home", home).out()).contains("chain intact");
    }

    @Test
    void should_report_the_first_broken_record_when_the_audit_file_was_edited() throws Exception {
        Path other = tmp.resolve("tampered");
        assertThat(run("load", DEMO.toString(), "--home", other.toString()).exit())
                .isZero();
        for (int i = 0; i < 3; i++) {
            run("sql", "--as", "carmen", "--home", other.toString(), "SELECT " + i);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other.resolve("audit.db"))) {
            c.createStatement().executeUpdate("UPDATE audit SET decision = 'ok' , principal = 'priya' WHERE seq = 2");
        }

        Run verify = run("audit", "verify", "--home", other.toString());
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("BROKEN at record 2");
    }
}
