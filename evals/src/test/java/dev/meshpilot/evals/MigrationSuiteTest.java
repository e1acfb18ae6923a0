package dev.meshpilot.evals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.evals.report.MarkdownReport;
import dev.meshpilot.evals.run.EvalReport;
import dev.meshpilot.evals.run.Mode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration suite in playbook mode: its file inputs ({@code to: file:...}) and policy overlays included. */
class MigrationSuiteTest {
    @TempDir
    Path work;

    @Test
    void should_pass_every_case_of_migration_1_in_playbook_mode() {
        EvalReport r = Evals.run(
                new EvalRequest(
                        Repo.SUITES,
                        "migration@1",
                        List.of(Mode.PLAYBOOK),
                        List.of(),
                        1,
                        null,
                        Repo.DEMO,
                        Repo.CORPUS,
                        work,
                        null,
                        false),
                line -> {});
        String summary = MarkdownReport.render(r);
        assertThat(r.passed()).as(summary).isTrue();
        assertThat(summary).contains("34 cases, 34 scored, 34 passed");
    }
}
