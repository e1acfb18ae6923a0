package dev.meshpilot.evals;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.evals.report.MarkdownReport;
import dev.meshpilot.evals.run.EvalReport;
import dev.meshpilot.evals.run.Mode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model run whose cases fell back to the playbook scored the playbook, not the model: it must not pass
 * unless allowed; and a model that accepts no connection stops the run before any case.
 */
class FallbackTest {
    private static final Set<String> ONE_CASE = Set.of("nightly-load-stopped");

    @TempDir
    Path tmp;

    @Test
    void should_fail_the_live_run_and_say_why_when_every_case_fell_back() throws Exception {
        WireMockServer model = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        model.start();
        try {
            model.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                    .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"message\":\"bad key\"}}")));
            ModelConfig live = new ModelConfig(
                    "openai", model.baseUrl() + "/v1", "m", "sk-wrong", Duration.ofSeconds(10), 0, null);

            EvalReport strict = run(live, false);
            String summary = MarkdownReport.render(strict);
            assertThat(strict.passed()).as(summary).isFalse();
            assertThat(strict.variants().getFirst().fallbacks()).isEqualTo(1);
            assertThat(summary)
                    .contains("**1 of 1 scored cases fell back to the playbook**")
                    .contains("model rejected the credentials")
                    .contains("this fails the run");

            EvalReport allowed = run(live, true);
            assertThat(allowed.passed()).as(MarkdownReport.render(allowed)).isTrue();
            assertThat(MarkdownReport.render(allowed)).contains("allowed by --allow-fallback");
        } finally {
            model.stop();
        }
    }

    @Test
    void should_stop_before_any_case_when_the_model_accepts_no_connection() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ModelConfig gone = new ModelConfig(
                "openai", "http://127.0.0.1:" + closed + "/v1", "m", null, Duration.ofSeconds(10), 2, null);

        assertThatThrownBy(() -> run(gone, false))
                .isInstanceOf(MeshpilotException.class)
                .hasMessageContaining("http://127.0.0.1:" + closed + "/v1 cannot be reached")
                .hasMessageContaining("no case was run")
                .satisfies(e -> assertThat(((MeshpilotException) e).code()).isEqualTo(ErrorCode.LLM_UNAVAILABLE));
    }

    private EvalReport run(ModelConfig live, boolean allowFallback) throws Exception {
        Path work = Files.createTempDirectory(tmp, "work");
        return Evals.run(
                new EvalRequest(
                        Repo.SUITES,
                        "triage@1",
                        List.of(Mode.LIVE),
                        List.of(),
                        1,
                        live,
                        Repo.DEMO,
                        Repo.CORPUS,
                        work,
                        ONE_CASE::contains,
                        allowFallback),
                line -> {});
    }
}
