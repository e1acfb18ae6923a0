package dev.meshpilot.mesh.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.meshpilot.core.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractSchemaTest {
    @TempDir
    static Path temp;

    static Path ws;

    @BeforeAll
    static void generate() {
        ws = temp.resolve("mesh");
        new WorkspaceGenerator().generate(GeneratorSpec.of(30, 3, 42), ws, Progress.NONE);
    }

    @Test
    void should_validate_against_the_odcs_v3_1_0_schema_when_contracts_are_written() throws IOException {
        Schema schema = odcsSchema();
        List<Path> contracts = Tree.files(ws, "contracts/**.odcs.yaml");
        assertThat(contracts).hasSize(30);
        for (Path file : contracts) {
            List<Error> errors = schema.validate(Tree.yaml(file).toString(), InputFormat.JSON);
            assertThat(errors).as("ODCS violations in %s", ws.relativize(file)).isEmpty();
        }
    }

    @Test
    void should_notice_a_broken_contract_when_the_schema_checks_it() throws IOException {
        Schema schema = odcsSchema();
        ObjectNode broken =
                (ObjectNode) Tree.yaml(Tree.files(ws, "contracts/**.odcs.yaml").get(0));
        ((ObjectNode) broken.at("/schema/0/properties/0")).put("logicalType", "text");
        assertThat(schema.validate(broken.toString(), InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void should_declare_product_id_and_typed_columns_when_contracts_are_written() {
        int pii = 0;
        for (Path file : Tree.files(ws, "contracts/**.odcs.yaml")) {
            JsonNode c = Tree.yaml(file);
            String domain = file.getParent().getFileName().toString();
            String name = file.getFileName().toString().replace(".odcs.yaml", "");
            assertThat(c.get("apiVersion").asText()).isEqualTo("v3.1.0");
            assertThat(c.get("kind").asText()).isEqualTo("DataContract");
            assertThat(c.get("id").asText()).isEqualTo(domain + "." + name);
            assertThat(c.get("version").asText()).isEqualTo("1.0.0");
            assertThat(c.get("status").asText()).isEqualTo("active");
            JsonNode properties = c.at("/schema/0/properties");
            assertThat(properties.size()).isBetween(5, 15);
            assertThat(properties.get(0).get("primaryKey").asBoolean()).isTrue();
            for (JsonNode p : properties) {
                assertThat(p.has("logicalType") && p.has("physicalType") && p.has("required"))
                        .isTrue();
                assertThat(p.get("classification").asText()).isIn("public", "internal", "confidential", "pii");
            }
            pii += StreamSupport.stream(properties.spliterator(), false)
                            .anyMatch(p -> p.get("classification").asText().equals("pii"))
                    ? 1
                    : 0;
        }
        assertThat(pii).as("products with PII columns").isBetween(1, 29);
    }

    private static Schema odcsSchema() throws IOException {
        Path file = Standards.require("odcs/odcs-json-schema-v3.1.0.json");
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                .getSchema(Files.readString(file), InputFormat.JSON);
    }
}
