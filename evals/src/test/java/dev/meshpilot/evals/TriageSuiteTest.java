package dev.meshpilot.evals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.evals.report.MarkdownReport;
import dev.meshpilot.evals.report.Reports;
import dev.meshpilot.evals.run.EvalReport;
import dev.meshpilot.evals.run.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI gate: the whole triage suite in playbook and replay modes, against its thresholds. The reports land
 * in {@code evals/target/evals/triage} for a look after the build.
 */
class TriageSuiteTest {
    @TempDir
    Path work;

    @Test
    void should_meet_the_triage_suite_thresholds_in_playbook_and_replay_modes() {
        EvalReport report = Evals.run(
                new EvalRequest(
                        Repo.SUITES,
                        "triage@1",
                        List.of(Mode.PLAYBOOK, Mode.REPLAY),
                        List.of(),
                        1,
                        null,
                        Repo.DEMO,
                        Repo.CORPUS,
                        work,
                        null,
                        false),
                line -> System.out.println("[eval] " + line));
        Reports.write(report, Path.of("target", "evals", "triage"));
        String summary = MarkdownReport.render(report);
        System.out.println(summary);
        assertThat(report.variants()).hasSize(2);
        // 31 cases, 10 of them planting payloads of the shared corpus (2 of the 8 with cassettes)
        boolean corpus = Repo.corpus();
        assertThat(report.variants().get(0).scored()).isGreaterThanOrEqualTo(corpus ? 30 : 20);
        assertThat(report.passed()).as(summary).isTrue();
        var replay = report.variants().get(1);
        assertThat(replay.scored()).isGreaterThanOrEqualTo(corpus ? 8 : 6);
        replay.cases().stream()
                .filter(c -> c.scored())
                .forEach(c -> assertThat(c.repetitions().getFirst().runMode())
                        .as(c.id() + " ran the model loop, not a fallback")
                        .isEqualTo("llm"));
    }

    @Test
    void should_write_a_json_report_a_machine_can_read() throws Exception {
        EvalReport report = Evals.run(
                new EvalRequest(
                        Repo.SUITES,
                        "triage",
                        List.of(Mode.PLAYBOOK, Mode.REPLAY),
                        List.of(),
                        1,
                        null,
                        Repo.DEMO,
                        Repo.CORPUS,
                        work,
                        Set.of("negative-revenue-rows")::contains,
                        false),
                line -> {});
        Path dir = work.resolve("reports");
        Reports.write(report, dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.path("suite").asText()).isEqualTo("triage");
        assertThat(json.path("version").asInt()).isEqualTo(1);
        assertThat(json.path("passed").asBoolean()).isTrue();
        JsonNode replay = json.path("variants").path(1);
        assertThat(replay.path("variant").asText()).isEqualTo("replay triage@v1");
        JsonNode c = replay.path("cases").path(0);
        assertThat(c.path("id").asText()).isEqualTo("negative-revenue-rows");
        assertThat(c.path("expected").path("rootCauseProduct").asText()).isEqualTo("payments.refunds");
        JsonNode rep = c.path("repetitions").path(0);
        assertThat(rep.path("score").path("got").path("rootCauseProduct").asText())
                .isEqualTo("payments.refunds");
        assertThat(rep.path("score").path("metrics").path("rootCauseProduct").asDouble())
                .isEqualTo(1.0);
        assertThat(rep.path("trajectory").toString())
                .contains("lineage_upstream (playbook) ok", "recent_runs (model) ok");
        assertThat(rep.path("tokens").asInt()).isPositive();
        assertThat(Files.readString(dir.resolve("report.html")))
                .startsWith("<!DOCTYPE html>")
                .contains("<svg", "negative-revenue-rows", "recent_runs (model) ok")
                .doesNotContain("<link", "src=", "@import"); // standalone: no external assets
        assertThat(Files.readString(dir.resolve("report.md"))).contains("## replay triage@v1 — passed");
    }
}
