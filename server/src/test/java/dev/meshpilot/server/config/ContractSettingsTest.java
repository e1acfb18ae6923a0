package dev.meshpilot.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.contract.ContractValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractSettingsTest {
    private static final String SCHEMA = "{\"$schema\": \"https://json-schema.org/draft/2019-09/schema\"}";

    @TempDir
    Path tmp;

    @Test
    void should_use_only_meshpilots_rules_when_nothing_is_configured() throws Exception {
        Path file = Files.writeString(tmp.resolve("c.yaml"), "server:\n  port: 9000\n");

        assertThat(ContractSettings.load(null, Map.of())).isSameAs(ContractValidation.BUILT_IN);
        assertThat(ContractSettings.load(file, Map.of())).isSameAs(ContractValidation.BUILT_IN);
    }

    @Test
    void should_resolve_the_schema_beside_the_config_file_when_the_path_is_relative() throws Exception {
        Files.writeString(tmp.resolve("odcs.json"), SCHEMA);
        Path file = Files.writeString(tmp.resolve("c.yaml"), "contracts:\n  odcsSchema: odcs.json\n");

        assertThat(ConfigLoader.load(file, Map.of())).isEqualTo(ServerConfig.DEFAULT);
        assertThat(ContractSettings.load(file, Map.of()).officialSchema()).contains(tmp.resolve("odcs.json"));
    }

    @Test
    void should_let_the_environment_override_the_file() throws Exception {
        Path env = Files.writeString(tmp.resolve("env.json"), SCHEMA);
        Path file = Files.writeString(tmp.resolve("c.yaml"), "contracts:\n  odcsSchema: missing.json\n");

        assertThat(ContractSettings.load(file, Map.of("MESHPILOT_ODCS_SCHEMA", env.toString()))
                        .officialSchema())
                .contains(env);
    }

    @Test
    void should_name_the_setting_and_the_path_when_the_schema_file_is_missing() throws Exception {
        Path file = Files.writeString(tmp.resolve("c.yaml"), "contracts:\n  odcsSchema: /no/such/odcs.json\n");

        assertThatThrownBy(() -> ContractSettings.load(file, Map.of()))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageStartingWith(file + ": contracts.odcsSchema: cannot use /no/such/odcs.json")
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> ContractSettings.load(null, Map.of("MESHPILOT_ODCS_SCHEMA", "/no/such/odcs.json")))
                .hasMessageStartingWith("environment variable MESHPILOT_ODCS_SCHEMA: cannot use /no/such/odcs.json");
    }

    @Test
    void should_name_the_valid_fields_when_the_section_has_a_typo() throws Exception {
        Path file = Files.writeString(tmp.resolve("c.yaml"), "contracts:\n  odcsSchemaFile: x.json\n");

        assertThatThrownBy(() -> ContractSettings.load(file, Map.of()))
                .hasMessage(file + ": contracts.odcsSchemaFile: unknown field (valid: odcsSchema)");
    }
}
