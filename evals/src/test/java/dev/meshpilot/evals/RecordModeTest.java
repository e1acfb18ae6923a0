package dev.meshpilot.evals;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.evals.replay.Cassette;
import dev.meshpilot.evals.run.EvalReport;
import dev.meshpilot.evals.run.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record mode through WireMock's recording proxy, with a second WireMock standing in for the live model
 * (replaying an authored cassette); the recorded cassette then replays to the same result, offline.
 */
class RecordModeTest {
    @TempDir
    Path tmp;

    @Test
    void should_record_a_live_conversation_as_a_cassette_that_replays() throws Exception {
        Path suites = tmp.resolve("suites");
        Path source = Repo.SUITES.resolve("triage");
        copy(source.resolve("suite.yaml"), suites.resolve("triage/suite.yaml"));
        copy(source.resolve("cases/nightly-load-stopped/case.yaml"), suites.resolve("triage/cases/c1/case.yaml"));
        Cassette script = Cassette.read(source.resolve("cases/nightly-load-stopped/cassettes/triage@v1.json"));
        WireMockServer live = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        live.start();
        try {
            for (int i = 0; i < script.exchanges().size(); i++) {
                live.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                        .inScenario("live")
                        .whenScenarioStateIs(i == 0 ? "Started" : "s" + i)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(script.exchanges().get(i).response().toString()))
                        .willSetStateTo("s" + (i + 1)));
            }
            ModelConfig model = new ModelConfig(
                    "openai", live.baseUrl() + "/v1", "live-model", "sk-secret", Duration.ofSeconds(10), 0, null);
            EvalReport recorded = run(suites, Mode.RECORD, model);
            assertThat(recorded.passed()).isTrue();
            assertThat(recorded.variants()
                            .getFirst()
                            .cases()
                            .getFirst()
                            .repetitions()
                            .getFirst()
                            .runMode())
                    .isEqualTo("llm");
        } finally {
            live.stop();
        }
        Path file = suites.resolve("triage/cases/c1/cassettes/triage@v1.json");
        Cassette cassette = Cassette.read(file);
        assertThat(cassette.origin()).isEqualTo("recorded");
        assertThat(cassette.model()).isEqualTo("live-model");
        assertThat(cassette.exchanges()).hasSize(2);
        assertThat(cassette.exchanges().getFirst().request().toString()).contains("INC-1001", "tools");
        assertThat(Files.readString(file)).doesNotContain("sk-secret");
        EvalReport replayed = run(suites, Mode.REPLAY, null); // the live model is gone
        assertThat(replayed.passed()).isTrue();
        assertThat(replayed.variants()
                        .getFirst()
                        .cases()
                        .getFirst()
                        .repetitions()
                        .getFirst()
                        .runMode())
                .isEqualTo("llm");
    }

    private EvalReport run(Path suites, Mode mode, ModelConfig live) throws Exception {
        Path work = Files.createTempDirectory(tmp, "work");
        return Evals.run(
                new EvalRequest(
                        suites, "triage", List.of(mode), List.of(), 1, live, Repo.DEMO, Repo.CORPUS, work, null, false),
                line -> {});
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }
}
