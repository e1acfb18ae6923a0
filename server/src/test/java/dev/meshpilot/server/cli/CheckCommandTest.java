package dev.meshpilot.server.cli;

import static dev.meshpilot.server.cli.Cli.DEMO;
import static dev.meshpilot.server.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.server.cli.Cli.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshpilot check} with Meshpilot's own ODCS rules and, when configured, an official schema file. */
class CheckCommandTest {
    @TempDir
    Path tmp;

    @Test
    void should_accept_the_demo_when_only_meshpilots_rules_apply() {
        Run r = run("check", DEMO.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("valid");
    }

    @Test
    void should_report_the_configured_schemas_problems_too_when_contracts_odcs_schema_is_set() throws IOException {
        Files.writeString(tmp.resolve("strict.json"), """
                {"$schema": "https://json-schema.org/draft/2019-09/schema", "required": ["reviewedBy"]}
                """);
        Path config = Files.writeString(tmp.resolve("meshpilot.yaml"), "contracts:\n  odcsSchema: strict.json\n");

        Run r = run("check", DEMO.toString(), "--config", config.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("contracts/finance.revenue_daily.odcs.yaml:1: reviewedBy:")
                .contains("(official schema strict.json)");
    }

    @Test
    void should_name_the_setting_and_the_path_when_the_configured_schema_is_missing() throws IOException {
        Path config = Files.writeString(tmp.resolve("meshpilot.yaml"), "contracts:\n  odcsSchema: gone.json\n");

        Run r = run("check", DEMO.toString(), "--config", config.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("contracts.odcsSchema: cannot use " + tmp.resolve("gone.json"));
    }
}
