package dev.meshpilot.agents.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.WorkspaceGenerator;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.incident.Incidents;
import dev.meshpilot.tools.DemoTools;
import dev.meshpilot.tools.MeshTools;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16's patterns on a mesh triage was not written for: a generated one ({@code generate --incidents}),
 * whose planted incidents carry their answers in {@code observed/triage-truth.json}, written before triage ran.
 * The same patterns on the demo: {@link DemoPatternsTest}.
 */
class GeneratedMeshTriageTest {
    @TempDir
    static Path tmp;

    static DemoTools mesh;
    static AgentRunner runner;
    static Map<String, JsonNode> planted = new HashMap<>();

    @BeforeAll
    static void setUp() throws IOException {
        Path ws = tmp.resolve("workspace");
        new WorkspaceGenerator().generate(GeneratorSpec.of(160, 8, 5), ws, Progress.NONE, 0, 8);
        mesh = new DemoTools(tmp.resolve("home"), ws);
        mesh.with(MeshTools.mesh(mesh.mesh), Map.of(TriageAgent.NAME, TriageAgent.TOOLS));
        runner = new AgentRunner(mesh.gate, PromptRegistry.bundled(), Clock.systemUTC());
        JsonNode truth = new ObjectMapper()
                .readTree(ws.resolve("observed/triage-truth.json").toFile());
        Map<String, JsonNode> byKey = new HashMap<>();
        truth.path("failures")
                .forEach(f -> byKey.put(
                        key(
                                f.path("product").asText(),
                                Instant.parse(f.path("at").asText())),
                        f));
        for (Incident i : new Incidents(mesh.store).list(true)) {
            JsonNode t = byKey.get(key(i.productId(), i.openedAt()));
            if (t != null && t.path("scenario").isTextual()) {
                planted.put(i.id(), t);
            }
        }
    }

    @AfterAll
    static void tearDown() {
        mesh.close();
    }

    private static String key(String product, Instant at) {
        return product + "@" + at;
    }

    static TriageReport triage(String incident) {
        return runner.run(new TriageAgent(), incident, RunOptions.playbook(mesh.principals.resolve("svc-scheduler")))
                .report();
    }

    @Test
    void should_plant_every_kind_of_incident_with_its_answer_when_generating_with_incidents() {
        Set<String> kinds = new TreeSet<>();
        planted.values().forEach(t -> kinds.add(t.path("scenario").asText()));
        assertThat(kinds).contains("schema_upstream", "recovered");
        assertThat(kinds).containsAnyOf("nulls_upstream", "volume_upstream");
    }

    @Test
    void should_find_the_planted_root_and_class_of_every_incident_when_the_cause_lies_upstream_or_recovered() {
        assertThat(planted).isNotEmpty();
        planted.forEach((id, t) -> {
            TriageReport r = triage(id);
            String kind = t.path("scenario").asText();
            assertThat(r.rootCause().product())
                    .as(id + " " + kind + " root")
                    .isEqualTo(t.path("root").asText());
            assertThat(r.rootCause().errorClass())
                    .as(id + " " + kind + " class")
                    .isEqualTo(t.path("errorClass").asText());
            if (t.path("recovered").asBoolean()) {
                assertThat(r.impact().products()).as(id + " impact").isEmpty();
                assertThat(r.severity().level()).isEqualTo("SEV4");
                assertThat(r.notes()).anyMatch(n -> n.contains("recovered"));
            } else {
                assertThat(r.notes()).noneMatch(n -> n.contains("recovered"));
            }
        });
    }

    @Test
    void should_recommend_only_runbook_steps_written_for_the_cause_class_when_the_mesh_has_one_per_class() {
        planted.keySet().stream().limit(3).forEach(id -> {
            TriageReport r = triage(id);
            List<String> runbooks = r.nextSteps().stream()
                    .map(TriageReport.NextStep::runbook)
                    .distinct()
                    .toList();
            assertThat(runbooks)
                    .as(id)
                    .allMatch(rb -> mesh.mesh.runbooks().list().stream()
                            .filter(x -> x.id().equals(rb))
                            .allMatch(x -> x.errorClasses().isEmpty()
                                    || x.errorClasses().contains(r.rootCause().errorClass())));
        });
    }
}
