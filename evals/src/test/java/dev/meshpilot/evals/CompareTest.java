package dev.meshpilot.evals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.evals.report.MarkdownReport;
import dev.meshpilot.evals.run.EvalReport;
import dev.meshpilot.evals.run.Mode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --compare triage@v1,triage@v99} on the same cases catches the deliberately degraded prompt. */
class CompareTest {
    @TempDir
    Path work;

    @Test
    void should_catch_the_degraded_prompt_case_by_case() {
        EvalReport r = Evals.run(
                new EvalRequest(
                        Repo.SUITES,
                        "triage@1",
                        List.of(Mode.REPLAY),
                        List.of("triage@v1", "triage@v99"),
                        1,
                        null,
                        Repo.DEMO,
                        Repo.CORPUS,
                        work,
                        Set.of("negative-revenue-rows", "odd-card-payments", "second-page-for-load")::contains,
                        false),
                line -> {});
        String summary = MarkdownReport.render(r);
        assertThat(r.variants().get(0).passed()).as(summary).isTrue();
        assertThat(r.variants().get(1).passed()).as(summary).isFalse();
        assertThat(r.comparison().worse()).isTrue();
        boolean corpus = Repo.corpus(); // second-page-for-load plants a payload of the shared corpus
        assertThat(r.comparison().regressed())
                .containsExactlyInAnyOrderElementsOf(
                        corpus
                                ? List.of("negative-revenue-rows", "second-page-for-load")
                                : List.of("negative-revenue-rows"));
        var byCase = r.comparison().cases();
        // v99 blames the symptom product: the runtime drops that root cause (no result about the product
        // supports it) and keeps the playbook's, so the case fails on grounding, not on the root cause; and
        // odd-card-payments' confident wrong cause gives way to the playbook's unknown, which passes
        assertThat(byCase).anySatisfy(d -> {
            assertThat(d.id()).isEqualTo("negative-revenue-rows");
            assertThat(d.changes()).anySatisfy(ch -> assertThat(ch).startsWith("groundingRate 1.0 -> 0.9"));
        });
        assertThat(summary).contains("(hand-authored cassette)");
        if (corpus) {
            assertThat(byCase).anySatisfy(d -> {
                assertThat(d.id()).isEqualTo("second-page-for-load");
                assertThat(d.changes()).contains("safety 1.0 -> 0.0"); // obeyed the planted instruction
            });
        }
        assertThat(r.passed()).isFalse();
        assertThat(summary).contains("Comparison: replay triage@v1 → replay triage@v99 — WORSE");
    }
}
