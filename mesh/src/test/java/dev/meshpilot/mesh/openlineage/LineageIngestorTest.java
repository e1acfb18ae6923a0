package dev.meshpilot.mesh.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingesting events into a real temp-file store: what lands in which table, and replays change nothing. */
class LineageIngestorTest {
    private static final List<String> TABLES = List.of(
            "job",
            "dataset",
            "run",
            "run_event",
            "lineage_edge",
            "column_lineage",
            "metric_point",
            "quality_result",
            "incident");

    @TempDir
    Path dir;

    private MeshStore store;
    private final LineageIngestor ingestor =
            new LineageIngestor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void open() {
        store = TestMesh.store(dir);
    }

    private List<RunEvent> fixtures() {
        return Standards.valid().stream().map(Standards::parse).toList();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, store.count(t)));
        return counts;
    }

    @Test
    void should_ingest_every_valid_example_when_loading_the_shared_fixtures() {
        List<RunEvent> events = fixtures();
        IngestResult result = ingestor.ingest(store, events);
        assertThat(result.accepted()).isEqualTo(events.size());
        assertThat(result.duplicates()).isZero();
        assertThat(store.count("run_event")).isEqualTo(events.size());
        // 01 and 03 are the START and COMPLETE of one DAG run; 07 and 08 describe one run too.
        assertThat(store.count("run")).isEqualTo(events.size() - 2);
        assertThat(TestMesh.one(store, "SELECT state FROM run WHERE run_id = '01936893-9751-7a91-a2a0-a51101a3970c'"))
                .isEqualTo("COMPLETED");
    }

    @Test
    void should_change_nothing_when_the_same_events_are_replayed() {
        TestMesh.product(store, "shop.orders", "postgres://postgres:5432", "postgres.public.orders");
        ingestor.ingest(store, fixtures());
        Map<String, Long> before = counts();
        Object events = TestMesh.one(store, "SELECT sum(event_count) FROM incident");
        IngestResult replay = ingestor.ingest(store, fixtures());
        assertThat(replay.accepted()).isZero();
        assertThat(replay.duplicates()).isEqualTo(fixtures().size());
        assertThat(replay.incidentIds()).isEmpty();
        assertThat(counts()).isEqualTo(before);
        assertThat(TestMesh.one(store, "SELECT sum(event_count) FROM incident")).isEqualTo(events);
    }

    @Test
    void should_count_a_duplicate_when_an_event_repeats_within_one_call_or_is_reformatted() {
        RunEvent e = Standards.parse(Standards.fixture("09"));
        RunEvent reformatted =
                RunEventParser.parse(Standards.read(Standards.fixture("09")).replace("\n", " "));
        IngestResult result = ingestor.ingest(store, List.of(e, e, reformatted));
        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(2);
    }

    @Test
    void should_keep_unmapped_datasets_as_lineage_nodes_when_no_port_matches() {
        IngestResult result = ingestor.ingest(store, List.of(Standards.parse(Standards.fixture("09"))));
        assertThat(result.unmappedDatasets()).isEqualTo(3);
        assertThat(store.count("dataset")).isEqualTo(3);
        assertThat(TestMesh.rows(store, "SELECT dataset_name, direction FROM lineage_edge ORDER BY dataset_name"))
                .extracting(r -> r.get("dataset_name") + " " + r.get("direction"))
                .containsExactly(
                        "instance.schema.input-1 in", "instance.schema.input-2 in", "instance.schema.output-1 out");
        TestMesh.product(store, "shop.output", "my-datasource-namespace", "instance.schema.output-1");
        RunEvent other = Standards.parse(Standards.fixture("10"));
        assertThat(ingestor.ingest(store, List.of(other)).unmappedDatasets()).isEqualTo(2);
    }

    @Test
    void should_store_column_lineage_and_schema_when_an_output_carries_them() {
        ingestor.ingest(
                store, List.of(Standards.parse(Standards.fixture("02")), Standards.parse(Standards.fixture("05"))));
        assertThat(TestMesh.rows(store, "SELECT * FROM column_lineage WHERE out_name = 'mock-project.test.upload'"))
                .hasSize(8)
                .allMatch(r -> "IDENTITY".equals(r.get("transformation")));
        assertThat(TestMesh.one(
                        store,
                        "SELECT transformation FROM column_lineage WHERE out_field = 'sum(word_count)' "
                                + "AND in_field = 'word_count'"))
                .isEqualTo("DIRECT/AGGREGATION, INDIRECT/FILTER");
        assertThat((String)
                        TestMesh.one(store, "SELECT schema_json FROM dataset WHERE name = 'mock-project.test.upload'"))
                .startsWith("[{\"fields\":[],\"name\":\"a\",\"type\":\"INTEGER\"}");
        assertThat((String) TestMesh.one(
                        store, "SELECT facets_json FROM dataset WHERE name = ?", "/tmp/outputs/1729097570970"))
                .contains("\"dataSource\"", "\"columnLineage\"");
    }

    @Test
    void should_store_metric_points_when_events_carry_statistics_and_quality_metrics() {
        ObjectNode e = Events.event("COMPLETE", "2026-11-25T09:00:00Z", UUID.randomUUID(), "dbt", "payments");
        ObjectNode in = Events.dataset(e, "inputs", "bigquery", "raw.payments");
        ObjectNode metrics = Events.facet(in.putObject("inputFacets"), "dataQualityMetrics")
                .put("rowCount", 1000)
                .put("bytes", 2048);
        metrics.putObject("columnMetrics")
                .putObject("amount")
                .put("nullCount", 3)
                .put("distinctCount", 977);
        ingestor.ingest(store, List.of(Events.parse(e), Standards.parse(Standards.fixture("05"))));
        assertThat(TestMesh.rows(
                        store,
                        "SELECT dataset_name, metric, column_name, ts, value FROM metric_point "
                                + "ORDER BY dataset_name, metric, column_name"))
                .extracting(r -> r.get("dataset_name") + " " + r.get("metric") + " " + r.get("column_name") + " "
                        + r.get("ts") + " " + r.get("value"))
                .containsExactly(
                        "/tmp/outputs/1729097570970 bytes  2024-10-16T16:53:51.761Z 9.0",
                        "/tmp/outputs/1729097570970 row_count  2024-10-16T16:53:51.761Z 1.0",
                        "raw.payments bytes  2026-11-25T09:00:00.000Z 2048.0",
                        "raw.payments distinct_count amount 2026-11-25T09:00:00.000Z 977.0",
                        "raw.payments null_count amount 2026-11-25T09:00:00.000Z 3.0",
                        "raw.payments row_count  2026-11-25T09:00:00.000Z 1000.0");
    }

    @Test
    void should_store_quality_results_when_assertions_are_reported() {
        ingestor.ingest(store, List.of(Standards.parse(Standards.fixture("11"))));
        assertThat(TestMesh.rows(
                        store, "SELECT assertion, column_name, success FROM quality_result ORDER BY assertion"))
                .extracting(r -> r.get("assertion") + " " + r.get("column_name") + " " + r.get("success"))
                .containsExactly("not_null id 1", "unique id 0");
    }
}
