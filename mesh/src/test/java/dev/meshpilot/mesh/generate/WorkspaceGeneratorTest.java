package dev.meshpilot.mesh.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.core.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceGeneratorTest {
    @TempDir
    static Path temp;

    static Path ws;
    static GenerateResult result;
    static final Set<String> stages = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void generate() {
        ws = temp.resolve("mesh");
        Progress progress = (stage, done, total) -> stages.add(stage);
        result = new WorkspaceGenerator().generate(GeneratorSpec.of(30, 3, 42), ws, progress);
    }

    @Test
    void should_write_every_kind_of_workspace_file_when_generating_a_small_mesh() {
        assertThat(ws.resolve("meshpilot.yaml")).isRegularFile();
        assertThat(Tree.files(ws, "domains/*/domain.yaml")).hasSize(3);
        assertThat(Tree.files(ws, "domains/*/products/*.yaml")).hasSize(30);
        assertThat(Tree.files(ws, "contracts/**.odcs.yaml")).hasSize(30);
        assertThat(Tree.files(ws, "policies/*.yaml")).hasSize(5);
        assertThat(Tree.files(ws, "runbooks/*.md")).hasSize(Failure.values().length);
        assertThat(ws.resolve("observed/incidents.yaml")).isRegularFile();
        assertThat(ws.resolve("observed/grants.yaml")).isRegularFile();
        assertThat(Tree.files(ws, "observed/events/*.ndjson"))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("2026-11-22.ndjson", "2026-11-23.ndjson", "2026-11-24.ndjson");
    }

    @Test
    void should_count_what_was_written_when_returning_the_result() throws IOException {
        List<Path> files = Tree.files(ws, "**");
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        assertThat(result.files()).isEqualTo(files.size());
        assertThat(result.bytes()).isEqualTo(bytes);
        assertThat(result.products()).isEqualTo(30);
        assertThat(result.contracts()).isEqualTo(30);
        assertThat(result.events()).isEqualTo(Tree.events(ws).size()).isEqualTo(30 * 3 * 2);
        assertThat(stages).contains("plan", "products", "contracts", "governance", "events");
    }

    @Test
    void should_name_each_product_by_its_domain_and_file_when_products_are_written() {
        for (Path file : Tree.files(ws, "domains/*/products/*.yaml")) {
            String domain = file.getParent().getParent().getFileName().toString();
            String name = file.getFileName().toString().replace(".yaml", "");
            JsonNode product = Tree.yaml(file);
            assertThat(product.get("id").asText()).isEqualTo(domain + "." + name);
            assertThat(domain).matches("[a-z]+_\\d{2}");
            assertThat(product.get("criticality").asText()).isIn("critical", "high", "medium", "low");
            assertThat(product.get("slos")).isNotEmpty();
        }
        for (Path file : Tree.files(ws, "domains/*/domain.yaml")) {
            assertThat(Tree.yaml(file).get("id").asText())
                    .isEqualTo(file.getParent().getFileName().toString());
        }
    }

    @Test
    void should_give_each_product_its_own_output_port_when_products_are_written() {
        Set<String> ports = new HashSet<>();
        for (Path file : Tree.files(ws, "domains/*/products/*.yaml")) {
            JsonNode outputPorts = Tree.yaml(file).get("outputPorts");
            assertThat(outputPorts).hasSize(1);
            JsonNode port = outputPorts.get(0);
            assertThat(ports.add(port.get("namespace").asText() + "|"
                            + port.get("name").asText()))
                    .as("port of %s is unique", file)
                    .isTrue();
        }
        assertThat(ports).hasSize(30);
    }

    @Test
    void should_refuse_to_write_when_the_out_folder_is_not_empty() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> new WorkspaceGenerator().generate(GeneratorSpec.of(5, 1, 1), dir, Progress.NONE))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("not empty")
                .extracting(e -> ((MeshpilotException) e).code())
                .isEqualTo(ErrorCode.USAGE);
        assertThat(Tree.files(dir, "**"))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("keep.txt");
    }

    @Test
    void should_write_runbooks_with_front_matter_when_governance_is_written() throws IOException {
        for (Path file : Tree.files(ws, "runbooks/*.md")) {
            String text = Files.readString(file);
            assertThat(text).startsWith("---\n");
            String front = text.substring(4, text.indexOf("\n---\n", 4) + 1);
            JsonNode meta = Tree.YAML.readTree(front);
            assertThat(meta.get("id").asText())
                    .isEqualTo(file.getFileName().toString().replace(".md", ""));
            assertThat(meta.at("/appliesTo/errorClasses/0").asText())
                    .isIn(Arrays.stream(Failure.values()).map(Failure::wireName).toList());
        }
    }
}
