package dev.meshpilot.mesh.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code .json} and {@code .ndjson} event files; problems name the file, the line and the field. */
class RunEventFilesTest {
    @TempDir
    Path dir;

    private static ObjectNode event(String type) {
        return Events.event(type, "2026-11-25T09:00:00Z", UUID.randomUUID(), "airflow", "daily");
    }

    private static String noRunId() {
        ObjectNode e = event("START");
        ((ObjectNode) e.get("run")).remove("runId");
        return e.toString();
    }

    @Test
    void should_read_one_event_or_an_array_when_the_file_is_json() throws Exception {
        Path one = Files.writeString(dir.resolve("one.json"), event("START").toPrettyString());
        Path many = Files.writeString(dir.resolve("many.json"), "[" + event("START") + ",\n" + event("COMPLETE") + "]");
        assertThat(RunEventFiles.read(one)).extracting(RunEvent::eventType).containsExactly(EventType.START);
        assertThat(RunEventFiles.read(many))
                .extracting(RunEvent::eventType)
                .containsExactly(EventType.START, EventType.COMPLETE);
    }

    @Test
    void should_read_one_event_a_line_when_the_file_is_ndjson() throws Exception {
        Path file = Files.writeString(
                dir.resolve("events.ndjson"), "\uFEFF" + event("START") + "\n\n" + event("COMPLETE") + "\n");
        assertThat(RunEventFiles.read(file)).hasSize(2);
    }

    @Test
    void should_name_file_line_and_field_when_an_ndjson_line_is_invalid() throws Exception {
        Path file = Files.writeString(
                dir.resolve("events.ndjson"), event("START") + "\n\n" + noRunId() + "\n{\"eventType\": \n");
        assertThatThrownBy(() -> RunEventFiles.read(file)).isInstanceOfSatisfying(MeshpilotException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.EVENT_INVALID);
            assertThat(e.details()).hasSize(2);
            assertThat(e.details().get(0)).isEqualTo(file + ":3: run.runId: missing (a UUID is required)");
            assertThat(e.details().get(1)).startsWith(file + ":4: not valid JSON:");
        });
    }

    @Test
    void should_name_the_element_and_its_line_when_an_array_element_is_invalid() throws Exception {
        Path file = Files.writeString(dir.resolve("many.json"), "[\n" + event("START") + ",\n" + noRunId() + "\n]");
        List<EventProblem> problems = new ArrayList<>();
        List<RunEvent> events = RunEventFiles.read(file, "observed/events/many.json", problems);
        assertThat(events).hasSize(1);
        assertThat(problems)
                .containsExactly(new EventProblem(
                        "observed/events/many.json", 3, "[1].run.runId", "missing (a UUID is required)"));
        assertThat(problems.get(0))
                .hasToString("observed/events/many.json:3: [1].run.runId: missing (a UUID is required)");
    }

    @Test
    void should_report_a_problem_when_the_file_is_empty_or_not_an_event_file() throws Exception {
        List<EventProblem> problems = new ArrayList<>();
        RunEventFiles.read(Files.writeString(dir.resolve("empty.json"), " "), "empty.json", problems);
        RunEventFiles.read(Files.writeString(dir.resolve("notes.txt"), "x"), "notes.txt", problems);
        String twice = event("START") + "\n" + event("START");
        assertThat(RunEventFiles.read(Files.writeString(dir.resolve("two.json"), twice), "two.json", problems))
                .hasSize(1);
        assertThat(problems)
                .extracting(EventProblem::toString)
                .containsExactly(
                        "empty.json: empty file (expected a RunEvent or an array of them)",
                        "notes.txt: not an event file (expected .json, .ndjson or .jsonl)",
                        "two.json:2: unexpected content after the JSON document");
    }
}
