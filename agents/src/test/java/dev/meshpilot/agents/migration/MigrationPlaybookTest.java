package dev.meshpilot.agents.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.catalog.AgentResult;
import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.migration.Severity;
import dev.meshpilot.mesh.migration.Verification;
import dev.meshpilot.tools.DemoTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playbook migrations on the demo mesh, through the real gate, tools, store and warehouse. */
class MigrationPlaybookTest {
    static final Path CONTRACTS = DemoTools.DEMO.resolve("contracts");

    @TempDir
    static Path tmp;

    static DemoTools demo;
    static AgentRunner runner;
    static final AgentDescriptor<MigrationRequest, MigrationReport> AGENT = MigrationDescriptor.descriptor();

    @BeforeAll
    static void setUp() {
        demo = new DemoTools(tmp);
        demo.with(demo.allTools(tmp), Map.of(MigrationAgent.NAME, MigrationAgent.TOOLS));
        runner = new AgentRunner(demo.gate, PromptRegistry.bundled(), Clock.systemUTC());
    }

    @AfterAll
    static void tearDown() {
        demo.close();
    }

    static String v2() throws IOException {
        return Files.readString(CONTRACTS.resolve("customers.customer_profile.v2.odcs.yaml"));
    }

    static AgentResult<MigrationReport> migrate(String principal, Map<String, String> inputs) {
        return AGENT.run(runner, inputs, RunOptions.playbook(demo.principals.resolve(principal)));
    }

    @Test
    void should_find_the_rename_the_breaking_date_and_the_columns_of_customer_360_when_migrating_the_demo_profile()
            throws IOException {
        AgentResult<MigrationReport> run =
                migrate("carmen", Map.of("contract", "customers.customer_profile", "to", v2()));
        MigrationReport r = run.run().report();

        assertThat(r.renames()).singleElement().satisfies(x -> {
            assertThat(x.from()).isEqualTo("phone");
            assertThat(x.to()).isEqualTo("phone_number");
        });
        assertThat(r.changes()).extracting(MigrationReport.ChangeFinding::rule).doesNotContain("property-removed");
        assertThat(r.changes())
                .filteredOn(c -> "birth_date".equals(c.property()) && c.rule().equals("type-changed"))
                .singleElement()
                .satisfies(c -> assertThat(c.severity()).isEqualTo(Severity.BREAKING));
        assertThat(r.changes())
                .filteredOn(c -> "loyalty_tier".equals(c.property()))
                .singleElement()
                .satisfies(c -> assertThat(c.severity()).isEqualTo(Severity.COMPATIBLE));
        assertThat(r.version().sufficient()).isTrue();
        assertThat(r.verdict()).isEqualTo("breaking");
        assertThat(r.consumers()).singleElement().satisfies(c -> {
            assertThat(c.product()).isEqualTo("customers.customer_360");
            assertThat(c.columns()).containsExactlyInAnyOrder("has_phone", "age_band");
            assertThat(c.reads()).containsExactlyInAnyOrder("phone", "birth_date");
            assertThat(c.owner().team()).isEqualTo("customers-team");
            assertThat(c.coveredByCompatView()).isTrue();
        });
        assertThat(r.plans())
                .extracting(p -> p.compatViews().getFirst())
                .containsOnly("customers__customer_profile_v1");
        assertThat(r.verification().passed()).isTrue();
        assertThat(r.verification().steps())
                .extracting(Verification.Step::status)
                .doesNotContain(Verification.Status.FAIL);
        assertThat(r.verification().steps())
                .filteredOn(s -> s.name().startsWith("old derivation customers.customer_360.has_phone"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo(Verification.Status.PASS);
                    assertThat(s.evidence()).contains("customer_profile.phone IS NOT NULL");
                });
        assertThat(r.verification().steps())
                .filteredOn(s -> s.name().startsWith("old derivation customers.customer_360.age_band"))
                .singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(Verification.Status.SKIPPED));
        assertThat(r.verification().notVerified()).singleElement().asString().contains("postgresql: not run");
        assertThat(r.check().failed()).isFalse();
        assertThat(run.exitCode()).isZero();
        assertThat(run.markdown()).contains("customers__customer_profile_v1").contains("has_phone, age_band");
    }

    @Test
    void should_produce_a_report_valid_against_its_schema() throws IOException {
        AgentResult<MigrationReport> run =
                migrate("alice", Map.of("contract", "customers.customer_profile", "to", v2()));

        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(MigrationAgent.reportSchema().toString(), InputFormat.JSON);
        var problems = schema.validate(run.json().toString(), InputFormat.JSON);
        assertThat(problems).isEmpty();
    }

    @Test
    void should_fail_the_check_with_exit_code_1_when_breaking_changes_ship_as_a_minor_version() throws IOException {
        Map<String, String> in = new HashMap<>();
        in.put("contract", "customers.customer_profile");
        in.put("to", v2().replace("version: 2.0.0", "version: 1.1.0"));
        in.put("check", "true");

        AgentResult<MigrationReport> run = migrate("carmen", in);

        assertThat(run.run().report().check().failed()).isTrue();
        assertThat(run.run().report().check().unacknowledged()).hasSize(2);
        assertThat(run.run().report().changes())
                .extracting(MigrationReport.ChangeFinding::rule)
                .contains("version-not-bumped");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.format("sarif")).get().asString().contains("\"ruleId\" : \"version-not-bumped\"");
    }

    @Test
    void should_say_no_migration_is_needed_when_only_a_description_changes() throws IOException {
        String v1 = Files.readString(CONTRACTS.resolve("customers.customer_profile.odcs.yaml"));
        String proposed = v1.replace("version: 1.0.0", "version: 1.0.1")
                .replace("Account creation time.", "When the customer's account was created.");

        MigrationReport r = migrate("carmen", Map.of("contract", "customers.customer_profile", "to", proposed))
                .run()
                .report();

        assertThat(r.migrationNeeded()).isFalse();
        assertThat(r.plans()).isEmpty();
        assertThat(r.verdict()).isEqualTo("compatible");
        assertThat(r.version().sufficient()).isTrue();
        assertThat(r.consumers()).isEmpty();
    }

    @Test
    void should_name_the_field_when_the_proposed_contract_is_not_valid_odcs() {
        assertThatThrownBy(
                        () -> migrate(
                                "carmen",
                                Map.of(
                                        "contract",
                                        "customers.customer_profile",
                                        "to",
                                        "apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 2.0.0\nstatus: proposed\n"
                                                + "schema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: text\n")))
                .isInstanceOf(MeshpilotException.class)
                .satisfies(e -> assertThat(((MeshpilotException) e).code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("schema[0].properties[0].logicalType");
    }

    @Test
    void should_report_not_found_when_no_contract_has_that_id() throws IOException {
        assertThatThrownBy(() -> migrate("carmen", Map.of("contract", "customers.nothing_here", "to", v2())))
                .isInstanceOf(MeshpilotException.class)
                .satisfies(e -> assertThat(((MeshpilotException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
