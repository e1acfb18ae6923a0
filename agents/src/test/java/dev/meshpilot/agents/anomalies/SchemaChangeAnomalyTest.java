package dev.meshpilot.agents.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.meshpilot.agents.anomalies.AnomaliesReport.Group;
import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.mesh.openlineage.LineageIngestor;
import dev.meshpilot.mesh.openlineage.RunEventParser;
import dev.meshpilot.tools.DemoTools;
import dev.meshpilot.tools.MeshTools;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema changes seen in OpenLineage schema facets, kept as a history, reported as anomalies along lineage. */
class SchemaChangeAnomalyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant SINCE = Instant.parse("2026-11-24T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    static Path tmp;

    static DemoTools demo;
    static AgentRunner runner;

    @BeforeAll
    static void setUp() throws Exception {
        demo = new DemoTools(tmp);
        demo.with(MeshTools.mesh(demo.mesh), Map.of(AnomaliesAgent.NAME, AnomaliesAgent.TOOLS));
        runner = new AgentRunner(demo.gate, PromptRegistry.bundled(), Clock.systemUTC());
        // a job starts writing orders_daily with a new column and its first one retyped; revenue_daily, one hop
        // down, gains the column 40 minutes later (START events: no completed run, so no timing anomaly)
        publish("acme.orders.orders_daily", "2026-11-25T07:00:00Z", true);
        publish("acme.finance.revenue_daily", "2026-11-25T07:40:00Z", false);
    }

    static void publish(String dataset, String at, boolean retype) throws Exception {
        String current = demo.store.withHandle(h -> h.createQuery("SELECT schema_json FROM dataset WHERE name = :n")
                .bind("n", dataset)
                .mapTo(String.class)
                .one());
        ArrayNode fields = (ArrayNode) JSON.readTree(current);
        fields.addObject().put("name", "channel_code").put("type", "STRING");
        if (retype) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) fields.get(0)).put("type", "BIGNUMERIC");
        }
        String event = """
                {"eventType":"START","eventTime":"%s","producer":"https://example.test/producer",
                 "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run":{"runId":"%s"},"job":{"namespace":"schema-test","name":"%s"},"inputs":[],
                 "outputs":[{"namespace":"bigquery","name":"%s","facets":{"schema":{
                   "_producer":"https://example.test/producer",
                   "_schemaURL":"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json","fields":%s}}}]}
                """.formatted(at, UUID.randomUUID(), dataset, dataset, fields.toString());
        new LineageIngestor().ingest(demo.store, List.of(RunEventParser.parse(event.replace("\n", " "))));
    }

    static AgentRun<AnomaliesReport> sweep() {
        return runner.run(
                new AnomaliesAgent(),
                new AnomalyQuery(null, SINCE, UNTIL),
                RunOptions.playbook(demo.principals.resolve("meshpilot-scheduler")));
    }

    @AfterAll
    static void tearDown() {
        demo.close();
    }

    @Test
    void should_report_a_schema_change_rooted_upstream_with_its_downstream_echo_when_columns_change_in_the_window() {
        AgentRun<AnomaliesReport> run = sweep();
        AnomaliesReport r = run.report();
        assertThat(AnomaliesMarkdown.render(run)).contains("column `channel_code` added (schema history)");
        Group g = r.groups().stream()
                .filter(x -> x.root().family().equals("schema"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no schema group in " + r.groups()));
        assertThat(g.root().product()).isEqualTo("orders.orders_daily");
        assertThat(g.root().kind()).isIn("column_added", "type_changed");
        assertThat(g.root().evidence()).isNotEmpty();
        assertThat(g.echoes())
                .as(r.groups().toString())
                .extracting(e -> e.anomaly().product())
                .contains("finance.revenue_daily");
    }

    @Test
    void should_not_report_the_first_schema_a_dataset_is_seen_with() {
        AnomaliesReport r = runner.run(
                        new AnomaliesAgent(),
                        new AnomalyQuery(null, Instant.parse("2026-11-18T00:00:00Z"), SINCE),
                        RunOptions.playbook(demo.principals.resolve("meshpilot-scheduler")))
                .report();
        assertThat(r.groups()).noneMatch(x -> x.root().family().equals("schema"));
    }
}
