package dev.meshpilot.mesh.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every official ODCS example contract passes Meshpilot's own ODCS rules and maps to the model. */
class OdcsExamplesTest {
    static Stream<Path> examples() throws IOException {
        Path dir = Path.of(System.getProperty("meshpilot.standards", "../../shared/standards"), "odcs", "examples");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared standards folder not found at " + dir + ": skipping");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".odcs.yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void should_validate_and_parse_when_contract_is_an_official_example(Path file) throws IOException {
        JsonNode doc = new YAMLMapper().readTree(file.toFile());

        assertThat(OdcsValidator.validate(doc))
                .as(file.getFileName().toString())
                .isEmpty();
        Contract contract = ContractParser.parse(doc);
        assertThat(contract.id()).isNotBlank();
        assertThat(contract.version()).isNotBlank();
        assertThat(contract.documentJson()).contains(contract.id());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void should_report_the_field_when_a_required_top_level_field_is_removed(Path file) throws IOException {
        JsonNode doc = new YAMLMapper().readTree(file.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).remove("status");

        assertThat(OdcsValidator.validate(doc))
                .anySatisfy(v -> assertThat(v.field()).isEqualTo("status"));
    }
}
