package dev.meshpilot.mesh.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run state machine, ordered by event time whatever order the events arrive in. */
class RunStateTest {
    private static final UUID RUN = UUID.fromString("3f5e83fa-3480-44ff-99c5-ff943904e5e8");

    @TempDir
    Path dir;

    private MeshStore store;
    private final LineageIngestor ingestor = new LineageIngestor();

    @BeforeEach
    void open() {
        store = TestMesh.store(dir);
    }

    private static RunEvent event(String type, String time) {
        return Events.parse(Events.event(type, time, RUN, "airflow", "daily"));
    }

    private Map<String, Object> run() {
        return TestMesh.rows(store, "SELECT * FROM run WHERE run_id = ?", RUN.toString())
                .get(0);
    }

    private void ingest(RunEvent... events) {
        for (RunEvent e : events) {
            ingestor.ingest(store, List.of(e));
        }
    }

    @Test
    void should_run_then_complete_when_start_and_complete_arrive_in_order() {
        ingest(event("START", "2026-11-25T09:00:00Z"));
        assertThat(run()).containsEntry("state", "RUNNING").containsEntry("started_at", "2026-11-25T09:00:00.000Z");
        ingest(event("COMPLETE", "2026-11-25T09:05:00Z"));
        assertThat(run())
                .containsEntry("state", "COMPLETED")
                .containsEntry("started_at", "2026-11-25T09:00:00.000Z")
                .containsEntry("ended_at", "2026-11-25T09:05:00.000Z")
                .containsEntry("event_time", "2026-11-25T09:05:00.000Z");
    }

    @Test
    void should_stay_completed_when_start_and_running_arrive_late() {
        ingest(
                event("COMPLETE", "2026-11-25T09:05:00Z"),
                event("RUNNING", "2026-11-25T09:03:00Z"),
                event("START", "2026-11-25T09:00:00Z"),
                event("OTHER", "2026-11-25T09:10:00Z"));
        assertThat(run())
                .containsEntry("state", "COMPLETED")
                .containsEntry("started_at", "2026-11-25T09:00:00.000Z")
                .containsEntry("ended_at", "2026-11-25T09:05:00.000Z")
                .containsEntry("event_time", "2026-11-25T09:10:00.000Z");
    }

    @Test
    void should_keep_the_latest_terminal_state_when_two_terminal_events_arrive() {
        ingest(event("FAIL", "2026-11-25T09:07:00Z"), event("COMPLETE", "2026-11-25T09:05:00Z"));
        assertThat(run()).containsEntry("state", "FAILED").containsEntry("ended_at", "2026-11-25T09:07:00.000Z");
    }

    @Test
    void should_be_new_when_only_other_events_are_known() {
        ingest(event("OTHER", "2026-11-25T09:00:00Z"));
        assertThat(run()).containsEntry("state", "NEW").containsEntry("started_at", null);
    }

    @Test
    void should_store_error_message_parent_and_facets_when_events_carry_them() {
        ObjectNode fail = Events.event("FAIL", "2026-11-25T09:05:00Z", RUN, "airflow", "daily");
        ObjectNode facets = ((ObjectNode) fail.get("run")).putObject("facets");
        Events.facet(facets, "errorMessage").put("message", "table not found").put("programmingLanguage", "sql");
        ObjectNode parent = Events.facet(facets, "parent");
        parent.putObject("run").put("runId", "01936893-9751-7a91-a2a0-a51101a3970c");
        parent.putObject("job").put("namespace", "airflow").put("name", "dag");
        ObjectNode start = Events.event("START", "2026-11-25T09:00:00Z", RUN, "airflow", "daily");
        Events.facet(((ObjectNode) start.get("run")).putObject("facets"), "nominalTime")
                .put("nominalStartTime", "x");
        ingest(Events.parse(fail), Events.parse(start));
        assertThat(run())
                .containsEntry("state", "FAILED")
                .containsEntry("error_message", "table not found")
                .containsEntry("parent_run_id", "01936893-9751-7a91-a2a0-a51101a3970c");
        assertThat((String) run().get("facets_json")).contains("\"errorMessage\"", "\"parent\"", "\"nominalTime\"");
    }
}
