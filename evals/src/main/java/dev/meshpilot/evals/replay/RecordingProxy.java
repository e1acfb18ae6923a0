package dev.meshpilot.evals.replay;

import static com.github.tomakehurst.wiremock.client.WireMock.recordSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.agents.prompt.Prompt;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Record mode: WireMock's recording proxy in front of a live model. The agent talks to the proxy, the proxy
 * forwards every request to the live endpoint, and {@link #cassette} turns what went through — request and
 * response bodies, in order, without headers (so no API key) — into a replay cassette. One run per proxy.
 *
 * <pre>{@code
 * try (RecordingProxy proxy = RecordingProxy.start(live)) {
 *     ... run the agent in LLM mode with proxy.config() ...
 *     proxy.cassette(prompt).write(caseDir.resolve("cassettes/triage@v1.json"));
 * }
 * }</pre>
 */
public final class RecordingProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer wm;
    private final ModelConfig live;
    private final String prefix;

    private RecordingProxy(WireMockServer wm, ModelConfig live, String prefix) {
        this.wm = wm;
        this.live = live;
        this.prefix = prefix;
    }

    public static RecordingProxy start(ModelConfig live) {
        URI base = URI.create(live.baseUrl());
        String origin = base.getScheme() + "://" + base.getAuthority();
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", "");
        WireMockServer wm = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        wm.startRecording(recordSpec().forTarget(origin).makeStubsPersistent(false));
        return new RecordingProxy(wm, live, prefix);
    }

    /** The live model's config, pointed at the proxy. */
    public ModelConfig config() {
        return new ModelConfig(
                live.provider(),
                wm.baseUrl() + prefix,
                live.model(),
                live.apiKey(),
                live.timeout(),
                live.maxRetries(),
                live.backoff());
    }

    /** What went through the proxy so far, as a cassette made with {@code prompt}. */
    public Cassette cassette(Prompt prompt) {
        List<ServeEvent> events = new ArrayList<>(wm.getAllServeEvents());
        java.util.Collections.reverse(events); // WireMock lists the newest first
        List<Cassette.Exchange> exchanges = new ArrayList<>();
        for (ServeEvent e : events) {
            exchanges.add(new Cassette.Exchange(
                    e.getRequest().getUrl().replaceAll("\\?.*$", ""),
                    body(e.getRequest().getBodyAsString()),
                    e.getResponse().getStatus(),
                    body(e.getResponse().getBodyAsString())));
        }
        return new Cassette(prompt.ref(), prompt.sha256(), live.provider(), live.model(), "recorded", exchanges);
    }

    private static JsonNode body(String text) {
        try {
            return text == null || text.isBlank() ? TextNode.valueOf("") : JSON.readTree(text);
        } catch (IOException e) {
            return TextNode.valueOf(text);
        }
    }

    @Override
    public void close() {
        try {
            wm.stopRecording();
        } catch (RuntimeException ignored) {
            // nothing was recorded, or the server is already down
        }
        wm.stop();
    }
}
