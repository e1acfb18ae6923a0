package dev.meshpilot.mesh.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional official-schema validation, with small schemas written here (no shared folder needed). */
class ContractValidationTest {
    @TempDir
    Path temp;

    @Test
    void should_report_both_sets_of_problems_when_an_official_schema_is_given() throws IOException {
        Path schema = temp.resolve("strict.json");
        Files.writeString(schema, """
                {"$schema": "https://json-schema.org/draft/2019-09/schema", "type": "object",
                 "properties": {"status": {"enum": ["active"]}}}
                """);
        ContractValidation validation = ContractValidation.withOfficialSchema(schema, "contracts.odcsSchema");

        var violations = validation.validate(OdcsValidatorTest.yaml(
                "apiVersion: v3.1.0\nkind: DataContract\nid: a\nversion: '1'\nstatus: draft\nowner: x\n"));

        assertThat(validation.officialSchema()).contains(schema);
        assertThat(violations).extracting(OdcsValidator.Violation::field).containsExactly("owner", "status");
        assertThat(violations.get(1).message()).endsWith("(official schema strict.json)");
    }

    @Test
    void should_name_the_setting_and_the_path_when_the_schema_file_is_missing() {
        Path missing = temp.resolve("nope.json");

        MeshpilotException e = catchThrowableOfType(
                MeshpilotException.class,
                () -> ContractValidation.withOfficialSchema(missing, "MESHPILOT_ODCS_SCHEMA"));

        assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
        assertThat(e.getMessage())
                .startsWith("MESHPILOT_ODCS_SCHEMA: cannot use " + missing)
                .contains("no such file");
    }

    @Test
    void should_refuse_a_file_when_it_is_not_json() throws IOException {
        Path bad = Files.writeString(temp.resolve("schema.json"), "not: json: [");

        assertThat(catchThrowableOfType(
                                MeshpilotException.class, () -> ContractValidation.withOfficialSchema(bad, "setting"))
                        .getMessage())
                .startsWith("setting: cannot use " + bad);
    }

    @Test
    void should_use_only_meshpilots_rules_by_default() {
        assertThat(ContractValidation.BUILT_IN.officialSchema()).isEmpty();
        assertThat(ContractValidation.BUILT_IN.validate(OdcsValidatorTest.yaml("kind: DataContract\n")))
                .hasSize(4);
    }
}
