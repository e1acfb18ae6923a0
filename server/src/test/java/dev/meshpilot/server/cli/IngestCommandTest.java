package dev.meshpilot.server.cli;

import static dev.meshpilot.server.cli.Cli.DEMO;
import static dev.meshpilot.server.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.server.cli.Cli.Run;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest} all or nothing and keeping the search index in step; triage saying a model is not there. */
class IngestCommandTest {
    @TempDir
    static Path tmp;

    static String home;

    @BeforeAll
    static void loadDemo() {
        home = tmp.resolve("home").toString();
        Run load = run("load", DEMO.toString(), "--home", home);
        assertThat(load.exit()).as(load.err()).isZero();
    }

    /**
     * The demo's one failed run, moved to a product with no open incident: ingesting it opens one (as {@code
     * START}, it opens none).
     */
    private static Path stockLevelsRun(String runId, String eventType) throws IOException {
        ObjectMapper json = new ObjectMapper();
        String fail = null;
        try (var files = Files.list(DEMO.resolve("observed/events"))) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.contains("\"eventType\":\"FAIL\"")) {
                        fail = line;
                    }
                }
            }
        }
        ObjectNode e = (ObjectNode) json.readTree(fail);
        e.put("eventType", eventType);
        e.put("eventTime", "2026-11-25T06:00:00.000Z");
        ((ObjectNode) e.get("run")).put("runId", runId);
        ((ObjectNode) e.get("job")).put("name", "inventory_snapshot.build_stock_levels");
        e.putArray("inputs");
        e.putArray("outputs").addObject().put("namespace", "bigquery").put("name", "acme.inventory.stock_levels");
        return Files.writeString(tmp.resolve(eventType + "-" + runId + ".json"), json.writeValueAsString(e));
    }

    @Test
    void should_find_an_incident_an_ingest_opened_without_an_index_sync() throws IOException {
        Run ingest = run(
                "ingest",
                stockLevelsRun("01a17ab2-2644-766c-bcf9-3e2db0337d99", "FAIL").toString(),
                "--home",
                home);

        assertThat(ingest.exit()).as(ingest.err()).isZero();
        Matcher id = Pattern.compile("incident (INC-\\d+)").matcher(ingest.out());
        assertThat(id.find()).as(ingest.out()).isTrue();
        assertThat(ingest.out()).contains("incidents opened 1").contains("Search index: 1 added");
        Run search = run("search", "stock levels", "--type", "incident", "--limit", "50", "--home", home);
        assertThat(search.out()).contains(id.group(1));
        assertThat(run("index", "sync", "--home", home).out()).contains("0 added, 0 updated, 0 deleted");
    }

    @Test
    void should_name_a_missing_file_and_ingest_nothing_when_one_of_the_files_is_missing() throws IOException {
        Path present = stockLevelsRun("01a17ab2-2644-766c-bcf9-3e2db0337daa", "START");
        Path missing = tmp.resolve("no-such-events.ndjson");

        Run r = run("ingest", present.toString(), missing.toString(), "--home", home);
        Run alone = run("ingest", present.toString(), "--home", home);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error [not_found]: no such file: " + missing + "; nothing was ingested\n");
        assertThat(alone.out()).contains("Ingested 1 events (0 already known)");
    }

    @Test
    void should_say_in_words_that_the_model_server_cannot_be_reached_and_show_the_playbooks_report()
            throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed + "/v1";
        Path config = Files.writeString(
                tmp.resolve("model.yaml"),
                String.join(
                        "\n",
                        List.of(
                                "model:",
                                "  provider: openai",
                                "  baseUrl: " + url,
                                "  name: nothing-listens",
                                "  maxRetries: 0",
                                "")));

        Run r = run(
                "triage", "INC-1001", "--as", "alice", "--mode", "llm", "--config", config.toString(), "--home", home);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err())
                .contains("the model at " + url
                        + " was not used: connect: model server cannot be reached (connection refused);"
                        + " the playbook's report is shown");
        assertThat(r.out()).contains("# INC-1001").contains("fallback: connect: model server cannot be reached");
    }
}
