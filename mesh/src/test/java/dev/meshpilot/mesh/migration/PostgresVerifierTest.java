package dev.meshpilot.mesh.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.migration.Verification.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL plan run on a real PostgreSQL, named by {@code MESHPILOT_TEST_POSTGRES_URL} (with
 * {@code _USER} and {@code _PASSWORD}); {@code .ci/run} starts one. Skipped with one line without it.
 */
class PostgresVerifierTest {
    static PostgresVerifier.Target target() {
        String url = System.getenv("MESHPILOT_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(
                url != null && !url.isBlank(), "MESHPILOT_TEST_POSTGRES_URL is not set (no PostgreSQL): skipping");
        return new PostgresVerifier.Target(
                url, System.getenv("MESHPILOT_TEST_POSTGRES_USER"), System.getenv("MESHPILOT_TEST_POSTGRES_PASSWORD"));
    }

    static List<Verification.Step> verify(PostgresVerifier.Target t, Diff d, ObjectNode v1, MigrationPlan plan) {
        return PostgresVerifier.verify(
                t,
                d,
                v1,
                plan,
                ScratchVerifierTest.TABLE,
                Map.of(),
                List.of(new ScratchVerifier.ConsumerRead("customers.customer_360", List.of("phone", "birth_date"))),
                ScratchVerifier.DEFAULT_ROWS);
    }

    @Test
    void should_run_every_step_of_the_demo_migration_on_postgresql_and_cover_the_old_reads() {
        PostgresVerifier.Target t = target();
        ObjectNode v1 = (ObjectNode) DemoContracts.v1();
        ObjectNode v2 = (ObjectNode) DemoContracts.v2();
        Diff d = ContractDiff.diff(v1, v2, RuleSettings.DEFAULTS);
        MigrationPlan plan = PlanWriter.write(d, v1, v2, Dialect.POSTGRESQL, ScratchVerifierTest.TABLE, "2026-12-25");

        List<Verification.Step> steps = verify(t, d, v1, plan);

        assertThat(steps)
                .allSatisfy(s -> assertThat(s.status())
                        .as(s.name() + ": " + s.evidence())
                        .isEqualTo(Status.PASS));
        assertThat(steps)
                .extracting(Verification.Step::name)
                .contains(
                        "postgresql: expand",
                        "postgresql: backfill",
                        "postgresql: compatibility views",
                        "postgresql: old read by customers.customer_360 on customers__customer_profile_v1");
    }

    @Test
    void should_fail_with_postgresqls_message_and_stop_when_a_statement_is_refused() {
        PostgresVerifier.Target t = target();
        ObjectNode v1 = (ObjectNode) DemoContracts.v1();
        ObjectNode v2 = (ObjectNode) DemoContracts.v2();
        Diff d = ContractDiff.diff(v1, v2, RuleSettings.DEFAULTS);
        MigrationPlan good = PlanWriter.write(d, v1, v2, Dialect.POSTGRESQL, ScratchVerifierTest.TABLE, "2026-12-25");
        List<String> expand = new ArrayList<>(good.expand());
        expand.add("ALTER TABLE customers__customer_profile ADD COLUMN phone_number TEXT");
        MigrationPlan broken = new MigrationPlan(
                good.dialect(),
                expand,
                good.backfill(),
                good.views(),
                good.contract(),
                good.gatedUntil(),
                good.compatViews(),
                good.notes());

        List<Verification.Step> steps = verify(t, d, v1, broken);

        assertThat(steps.getLast().name()).isEqualTo("postgresql: expand");
        assertThat(steps.getLast().status()).isEqualTo(Status.FAIL);
        assertThat(steps.getLast().evidence()).startsWith("PostgreSQL refused").contains("phone_number");
    }

    @Test
    void should_read_the_target_from_the_environment_and_refuse_a_url_that_is_not_jdbc_postgresql() {
        assertThat(PostgresVerifier.Target.from(Map.of())).isEmpty();
        var target = PostgresVerifier.Target.from(Map.of(
                PostgresVerifier.URL, "jdbc:postgresql://127.0.0.1:5432/scratch",
                PostgresVerifier.USER, "meshpilot",
                PostgresVerifier.PASSWORD, "s3cret"));
        assertThat(target).get().extracting(PostgresVerifier.Target::user).isEqualTo("meshpilot");
        assertThat(target.get().toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> PostgresVerifier.Target.from(Map.of(PostgresVerifier.URL, "postgres://x/y")))
                .hasMessageContaining("jdbc:postgresql://");
    }
}
