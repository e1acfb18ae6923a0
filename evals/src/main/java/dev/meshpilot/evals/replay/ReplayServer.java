package dev.meshpilot.evals.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.meshpilot.agents.model.ModelConfig;
import java.time.Duration;

/**
 * Serves a cassette with WireMock on a loopback port: the n-th model request gets the n-th recorded
 * response, whatever it asks; a request beyond the cassette gets HTTP 500 ({@code cassette exhausted}), so
 * a conversation that goes differently from the recording ends in the runtime's fallback, visibly. One
 * cassette at a time; not thread-safe.
 *
 * <pre>{@code
 * try (ReplayServer replay = ReplayServer.start()) {
 *     ModelConfig model = replay.serve(Cassette.read(file));
 *     ... run the agent in LLM mode with model ...
 * }
 * }</pre>
 */
public final class ReplayServer implements AutoCloseable {
    static final String SCENARIO = "cassette";
    private final WireMockServer wm;

    private ReplayServer(WireMockServer wm) {
        this.wm = wm;
    }

    public static ReplayServer start() {
        WireMockServer wm = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .disableRequestJournal()
                .containerThreads(8));
        wm.start();
        return new ReplayServer(wm);
    }

    /** Installs {@code cassette} (replacing any other) and returns the model config that reaches it. */
    public ModelConfig serve(Cassette cassette) {
        wm.resetAll();
        var exchanges = cassette.exchanges();
        for (int i = 0; i < exchanges.size(); i++) {
            var x = exchanges.get(i);
            String path = x.path() != null ? x.path() : cassette.path();
            wm.stubFor(post(urlPathEqualTo(path))
                    .inScenario(SCENARIO)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "exchange-" + i)
                    .willReturn(aResponse()
                            .withStatus(x.status())
                            .withHeader("Content-Type", "application/json")
                            .withBody(
                                    x.response().isTextual()
                                            ? x.response().asText()
                                            : x.response().toString()))
                    .willSetStateTo("exchange-" + (i + 1)));
        }
        wm.stubFor(any(anyUrl())
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"cassette exhausted: the conversation went past the "
                                + "recording\"}}")));
        return new ModelConfig(
                cassette.provider(),
                cassette.baseUrl(wm.baseUrl()),
                cassette.model(),
                "replay",
                Duration.ofSeconds(30),
                0,
                Duration.ofMillis(10));
    }

    @Override
    public void close() {
        wm.stop();
    }
}
