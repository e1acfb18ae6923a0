package dev.meshpilot.evals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.evals.report.MarkdownReport;
import dev.meshpilot.evals.report.Reports;
import dev.meshpilot.evals.run.EvalReport;
import dev.meshpilot.evals.run.Mode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI gate of the anomalies agent: the whole anomalies suite in playbook mode against its thresholds. The
 * reports land in {@code evals/target/evals/anomalies}.
 */
class AnomaliesSuiteTest {
    @TempDir
    Path work;

    @Test
    void should_meet_the_anomalies_suite_thresholds_in_playbook_mode() {
        EvalReport report = Evals.run(
                new EvalRequest(
                        Repo.SUITES,
                        "anomalies@1",
                        List.of(Mode.PLAYBOOK),
                        List.of(),
                        1,
                        null,
                        Repo.DEMO,
                        Repo.CORPUS,
                        work,
                        null,
                        false),
                line -> System.out.println("[eval] " + line));
        Reports.write(report, Path.of("target", "evals", "anomalies"));
        String summary = MarkdownReport.render(report);
        System.out.println(summary);
        // 27 cases, 5 of them planting payloads of the shared corpus
        assertThat(report.variants().getFirst().scored()).isGreaterThanOrEqualTo(Repo.corpus() ? 27 : 22);
        assertThat(report.passed()).as(summary).isTrue();
    }
}
