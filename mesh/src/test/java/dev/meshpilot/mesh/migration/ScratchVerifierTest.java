package dev.meshpilot.mesh.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.migration.Verification.Status;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ScratchVerifierTest {
    static final UnaryOperator<String> TABLE = o -> "customers__customer_profile";

    static Verification verify(Diff d, ObjectNode v1, ObjectNode v2, Map<String, ScratchVerifier.Sample> samples) {
        MigrationPlan plan = PlanWriter.write(d, v1, v2, Dialect.SQLITE, TABLE, "2026-12-25");
        return ScratchVerifier.verify(
                d,
                v1,
                v2,
                plan,
                TABLE,
                samples,
                List.of(new ScratchVerifier.ConsumerRead("customers.customer_360", List.of("phone", "birth_date"))),
                ScratchVerifier.DEFAULT_ROWS);
    }

    @Test
    void should_pass_every_step_and_cover_the_old_reads_when_verifying_the_demo_migration() {
        ObjectNode v1 = (ObjectNode) DemoContracts.v1();
        ObjectNode v2 = (ObjectNode) DemoContracts.v2();
        Diff d = ContractDiff.diff(v1, v2, RuleSettings.DEFAULTS);

        Verification v = verify(d, v1, v2, Map.of());

        assertThat(v.steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo(Status.PASS));
        assertThat(v.steps())
                .extracting(Verification.Step::name)
                .contains("old read by customers.customer_360 on customers__customer_profile_v1");
        assertThat(v.notVerified()).singleElement().asString().contains("postgresql: not run");
    }

    @Test
    void should_fail_the_backfill_with_the_count_when_warehouse_rows_hold_dates_that_do_not_parse() {
        ObjectNode v1 = (ObjectNode) DemoContracts.v1();
        ObjectNode v2 = (ObjectNode) DemoContracts.v2();
        Diff d = ContractDiff.diff(v1, v2, RuleSettings.DEFAULTS);
        List<String> cols = List.of("customer_id", "birth_date");
        ScratchVerifier.Sample sample = new ScratchVerifier.Sample(
                cols,
                List.of(List.of("C-1", "1990-01-02"), List.of("C-2", "02/01/1990"), List.of("C-3", "[REDACTED]")),
                "read from the warehouse");

        Verification v = verify(d, v1, v2, Map.of("customer_profile", sample));

        assertThat(v.steps())
                .filteredOn(s -> s.name().equals("backfill complete"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo(Status.FAIL);
                    assertThat(s.evidence()).contains("1 could not be converted");
                });
        assertThat(v.samples()).contains("masked columns birth_date");
    }

    @Test
    void should_create_a_new_object_in_the_expand_step_and_drop_a_removed_one_only_in_the_contract_step() {
        ObjectNode v1 = (ObjectNode) DemoContracts.v1();
        ObjectNode v2 = v1.deepCopy();
        v2.put("version", "2.0.0");
        ObjectNode extra = ((com.fasterxml.jackson.databind.node.ArrayNode) v2.path("schema")).addObject();
        extra.put("name", "customer_consent");
        extra.putArray("properties")
                .addObject()
                .put("name", "customer_id")
                .put("logicalType", "string")
                .put("required", true);
        Diff d = ContractDiff.diff(v1, v2, RuleSettings.DEFAULTS);
        UnaryOperator<String> table = o -> o;

        MigrationPlan plan = PlanWriter.write(d, v1, v2, Dialect.POSTGRESQL, table, "2030-01-01");
        MigrationPlan back = PlanWriter.write(
                ContractDiff.diff(v2, v1, RuleSettings.DEFAULTS), v2, v1, Dialect.POSTGRESQL, table, "2030-01-01");

        assertThat(d.changes()).extracting(Change::rule).containsExactly("object-added");
        assertThat(plan.expand()).containsExactly("CREATE TABLE customer_consent (customer_id text NOT NULL)");
        assertThat(back.expand()).isEmpty();
        assertThat(back.contract()).containsExactly("DROP TABLE customer_consent");
    }
}
