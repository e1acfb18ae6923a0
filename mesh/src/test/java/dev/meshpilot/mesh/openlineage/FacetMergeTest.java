package dev.meshpilot.mesh.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored job and dataset facets across events: facet by facet, the later event winning. */
class FacetMergeTest {
    @TempDir
    Path dir;

    private MeshStore store;
    private final LineageIngestor ingestor = new LineageIngestor();

    @BeforeEach
    void open() {
        store = TestMesh.store(dir);
    }

    private void ingest(String time, Consumer<ObjectNode> jobFacets, Consumer<ObjectNode> datasetFacets) {
        ObjectNode e = Events.event("COMPLETE", time, UUID.randomUUID(), "airflow", "daily");
        jobFacets.accept(((ObjectNode) e.get("job")).putObject("facets"));
        datasetFacets.accept(Events.dataset(e, "outputs", "bigquery", "acme.t").putObject("facets"));
        ingestor.ingest(store, List.of(Events.parse(e)));
    }

    private JsonNode jobFacets() throws Exception {
        return Events.JSON.readTree((String) TestMesh.one(store, "SELECT facets_json FROM job"));
    }

    private static Consumer<ObjectNode> sql(String query, boolean extra) {
        return f -> {
            ObjectNode sql = Events.facet(f, "sql").put("query", query);
            if (extra) {
                sql.put("dialect", "bigquery");
            }
        };
    }

    private static Consumer<ObjectNode> schema(String column) {
        return f -> Events.facet(f, "schema").putArray("fields").addObject().put("name", column);
    }

    @Test
    void should_replace_a_facet_whole_when_a_later_event_carries_it() throws Exception {
        ingest("2026-11-25T09:00:00Z", sql("SELECT 1", true).andThen(f -> Events.facet(f, "jobType")), f -> {});
        ingest("2026-11-25T10:00:00Z", sql("SELECT 2", false), f -> {});
        JsonNode facets = jobFacets();
        assertThat(facets.at("/sql/query").asText()).isEqualTo("SELECT 2");
        assertThat(facets.at("/sql").has("dialect")).isFalse();
        assertThat(facets.has("jobType")).isTrue();
    }

    @Test
    void should_only_fill_gaps_when_an_older_event_arrives_late() throws Exception {
        ingest("2026-11-25T10:00:00Z", sql("SELECT 2", false), schema("new_column"));
        ingest(
                "2026-11-25T09:00:00Z",
                sql("SELECT 1", false).andThen(f -> Events.facet(f, "jobType")),
                schema("old_column"));
        JsonNode facets = jobFacets();
        assertThat(facets.at("/sql/query").asText()).isEqualTo("SELECT 2");
        assertThat(facets.has("jobType")).isTrue();
        assertThat((String) TestMesh.one(store, "SELECT schema_json FROM dataset"))
                .contains("new_column");
        assertThat(TestMesh.one(store, "SELECT updated_at FROM job")).isEqualTo("2026-11-25T10:00:00.000Z");
    }

    @Test
    void should_remove_a_facet_when_a_later_event_marks_it_deleted() throws Exception {
        ingest("2026-11-25T09:00:00Z", sql("SELECT 1", false).andThen(f -> Events.facet(f, "jobType")), f -> {});
        ingest("2026-11-25T10:00:00Z", f -> Events.facet(f, "sql").put("_deleted", true), f -> {});
        assertThat(jobFacets().has("sql")).isFalse();
        assertThat(jobFacets().has("jobType")).isTrue();
    }

    @Test
    void should_keep_the_latest_schema_when_events_of_one_batch_disagree() {
        ObjectNode later = Events.event("COMPLETE", "2026-11-25T10:00:00Z", UUID.randomUUID(), "airflow", "daily");
        schema("b")
                .accept(Events.dataset(later, "outputs", "bigquery", "acme.t").putObject("facets"));
        ObjectNode earlier = Events.event("START", "2026-11-25T09:00:00Z", UUID.randomUUID(), "airflow", "daily");
        schema("a")
                .accept(Events.dataset(earlier, "outputs", "bigquery", "acme.t").putObject("facets"));
        ingestor.ingest(store, List.of(Events.parse(later), Events.parse(earlier)));
        assertThat(TestMesh.one(store, "SELECT schema_json FROM dataset")).isEqualTo("[{\"name\":\"b\"}]");
        assertThat((String) TestMesh.one(store, "SELECT facets_json FROM dataset"))
                .contains("\"b\"")
                .doesNotContain("\"a\"");
    }
}
