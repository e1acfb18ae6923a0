package dev.meshpilot.mesh.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.core.Progress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStreamTest {
    @TempDir
    static Path temp;

    static Path ws;
    static List<JsonNode> events;

    @BeforeAll
    static void generate() {
        ws = temp.resolve("mesh");
        new WorkspaceGenerator().generate(GeneratorSpec.of(60, 5, 7), ws, Progress.NONE);
        events = Tree.events(ws);
    }

    @Test
    void should_carry_the_required_openlineage_fields_when_events_are_written() {
        assertThat(events).hasSize(60 * 5 * 2);
        for (JsonNode e : events) {
            assertThat(e.get("schemaURL").asText()).isEqualTo(RunEvents.SCHEMA_URL);
            assertThat(e.get("producer").asText()).startsWith("https://");
            assertThat(Instant.parse(e.get("eventTime").asText())).isBefore(GeneratorSpec.DEFAULT_AS_OF);
            assertThat(e.get("eventType").asText()).isIn("START", "COMPLETE", "FAIL");
            assertThat(UUID.fromString(e.at("/run/runId").asText()).version()).isEqualTo(4);
            assertThat(e.at("/job/namespace").asText()).isNotEmpty();
            assertThat(e.at("/job/name").asText()).isNotEmpty();
            assertThat(e.get("inputs").isArray()).isTrue();
            assertThat(e.get("outputs")).hasSize(1);
        }
    }

    @Test
    void should_end_each_started_run_once_when_runs_are_written() {
        Map<String, String> started = new HashMap<>();
        Map<String, String> ended = new HashMap<>();
        for (JsonNode e : events) {
            String runId = e.at("/run/runId").asText();
            Map<String, String> into = e.get("eventType").asText().equals("START") ? started : ended;
            assertThat(into.put(runId, e.get("eventTime").asText()))
                    .as("one %s per run", runId)
                    .isNull();
        }
        assertThat(ended.keySet()).isEqualTo(started.keySet()).hasSize(300);
        started.forEach((run, at) -> assertThat(Instant.parse(ended.get(run))).isAfter(Instant.parse(at)));
    }

    @Test
    void should_report_schema_and_statistics_when_a_run_completes() {
        for (JsonNode e : events) {
            JsonNode output = e.at("/outputs/0");
            if (e.get("eventType").asText().equals("COMPLETE")) {
                assertThat(output.at("/facets/schema/fields").size()).isBetween(5, 15);
                assertThat(output.at("/outputFacets/outputStatistics/rowCount").asLong())
                        .isPositive();
                assertThat(output.at("/outputFacets/outputStatistics/size").asLong())
                        .isPositive();
            } else {
                assertThat(output.has("facets")).isFalse();
            }
        }
    }

    @Test
    void should_explain_the_error_when_a_run_fails() {
        List<JsonNode> failed = events.stream()
                .filter(e -> e.get("eventType").asText().equals("FAIL"))
                .toList();
        assertThat(failed).isNotEmpty().hasSizeLessThan(events.size() / 2 / 5);
        for (JsonNode e : failed) {
            assertThat(e.at("/run/facets/errorMessage/message").asText()).isNotBlank();
            assertThat(e.at("/run/facets/errorMessage/programmingLanguage").asText())
                    .isNotBlank();
        }
    }

    @Test
    void should_read_and_write_only_product_ports_when_lineage_is_emitted() {
        Map<String, String> portToProduct = new HashMap<>();
        Tree.files(ws, "domains/*/products/*.yaml").forEach(f -> {
            JsonNode p = Tree.yaml(f);
            JsonNode port = p.at("/outputPorts/0");
            portToProduct.put(
                    port.get("namespace").asText() + "|" + port.get("name").asText(),
                    p.get("id").asText());
        });
        Set<String> producers = new HashSet<>();
        for (JsonNode e : events) {
            JsonNode out = e.at("/outputs/0");
            assertThat(portToProduct.get(key(out))).isEqualTo(e.at("/job/name").asText());
            producers.add(e.at("/job/name").asText());
            e.get("inputs").forEach(in -> assertThat(portToProduct).containsKey(key(in)));
        }
        assertThat(producers).hasSize(60);
    }

    @Test
    void should_validate_against_the_openlineage_spec_when_the_standards_are_present() {
        OpenLineageSpec spec = OpenLineageSpec.load(Standards.require("openlineage/spec/OpenLineage.json"));
        for (JsonNode e : events) {
            assertThat(spec.violations(e)).as("violations in %s", e).isEmpty();
        }
    }

    @Test
    void should_notice_a_broken_event_when_the_spec_validator_checks_it() {
        OpenLineageSpec spec = OpenLineageSpec.load(Standards.require("openlineage/spec/OpenLineage.json"));
        ObjectNode broken = events.stream()
                .filter(e -> e.get("eventType").asText().equals("COMPLETE"))
                .findFirst()
                .orElseThrow()
                .deepCopy();
        broken.remove("producer");
        ((ObjectNode) broken.get("run")).put("runId", "not-a-uuid");
        ((ObjectNode) broken.at("/outputs/0/outputFacets/outputStatistics")).put("rowCount", "many");
        assertThat(spec.violations(broken))
                .anyMatch(v -> v.contains("producer"))
                .anyMatch(v -> v.contains("uuid"))
                .anyMatch(v -> v.startsWith("outputStatistics"));
    }

    private static String key(JsonNode dataset) {
        return dataset.get("namespace").asText() + "|" + dataset.get("name").asText();
    }
}
