package dev.meshpilot.server.cli;

import static dev.meshpilot.server.cli.Cli.DEMO;
import static dev.meshpilot.server.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshpilot migrate} as a user and a CI job run it, on the demo mesh in a temp home. */
class MigrateCommandTest {
    static final String V1 =
            DEMO.resolve("contracts/customers.customer_profile.odcs.yaml").toString();
    static final String V2 =
            DEMO.resolve("contracts/customers.customer_profile.v2.odcs.yaml").toString();

    @TempDir
    static Path tmp;

    static String home;

    @BeforeAll
    static void loadDemo() {
        home = tmp.resolve("home").toString();
        assertThat(run("load", DEMO.toString(), "--home", home).exit()).isZero();
    }

    @Test
    void should_draft_the_demo_migration_as_markdown_and_json() throws IOException {
        Cli.Run md = run("migrate", "customers.customer_profile", "--to", V2, "--home", home, "--as", "carmen");
        Cli.Run json = run("migrate", "customers.customer_profile", "--to", V2, "--home", home, "--format", "json");

        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out()).contains("phone renamed phone_number").contains("customers__customer_profile_v1");
        JsonNode r = new ObjectMapper().readTree(json.out());
        assertThat(r.path("verdict").asText()).isEqualTo("breaking");
        assertThat(r.path("version").path("sufficient").asBoolean()).isTrue();
        assertThat(r.path("run").path("agent").asText()).isEqualTo("migrate");
    }

    @Test
    void should_compare_two_files_and_print_sarif() throws IOException {
        Cli.Run sarif = run("migrate", V1, "--to", V2, "--home", home, "--format", "sarif");

        assertThat(sarif.exit()).as(sarif.err()).isZero();
        JsonNode log = new ObjectMapper().readTree(sarif.out());
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        assertThat(log.findValuesAsText("ruleId")).contains("property-renamed", "type-changed", "property-added");
        assertThat(log.path("runs")
                        .path(0)
                        .path("results")
                        .path(0)
                        .path("locations")
                        .path(0)
                        .path("physicalLocation")
                        .path("artifactLocation")
                        .path("uri")
                        .asText())
                .isEqualTo(V2);
    }

    @Test
    void should_exit_1_in_check_mode_when_a_breaking_change_ships_as_a_minor_version() throws IOException {
        Path minor = tmp.resolve("minor.odcs.yaml");
        Files.writeString(minor, Files.readString(Path.of(V2)).replace("version: 2.0.0", "version: 1.1.0"));

        Cli.Run failed =
                run("migrate", "customers.customer_profile", "--to", minor.toString(), "--check", "--home", home);
        Cli.Run passed = run(
                "migrate", "customers.customer_profile", "--to", V2, "--check", "--fail-on", "review", "--home", home);

        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED").contains("needs a major bump");
        assertThat(passed.exit()).as(passed.out()).isZero();
    }

    @Test
    void should_exit_2_naming_the_file_when_the_proposed_contract_is_missing() {
        Cli.Run r = run("migrate", "customers.customer_profile", "--to", "nowhere.yaml", "--home", home);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--to").contains("nowhere.yaml");
    }
}
