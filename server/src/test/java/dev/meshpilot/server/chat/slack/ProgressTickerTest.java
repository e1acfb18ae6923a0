package dev.meshpilot.server.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.meshpilot.server.chat.ChatRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The placeholder of a long answer says how long it has been running, and stops when the answer is in. */
class ProgressTickerTest {
    WireMockServer slack;

    @BeforeEach
    void start() {
        slack = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slack.start();
        slack.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true,\"ts\":\"1.2\"}")));
    }

    @AfterEach
    void stop() {
        slack.stop();
    }

    List<LoggedRequest> updates() {
        return slack.findAll(postRequestedFor(urlEqualTo("/api/chat.update")));
    }

    @Test
    void should_rewrite_the_placeholder_while_the_answer_runs_and_never_after_it_is_stopped() throws Exception {
        SlackApi api = new SlackApi(
                URI.create("http://127.0.0.1:" + slack.port() + "/api"), "xoxb-t", List.of(), Duration.ofSeconds(5));
        ChatRequest req = new ChatRequest("U0ALICE01", "C0INCIDENT", null, "triage INC-1001");
        ProgressTicker ticker =
                new ProgressTicker(api, req, "1700000000.000100", "triage INC-1001", Duration.ofMillis(100));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (updates().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        ticker.stop();
        int atStop = updates().size();
        assertThat(atStop).isGreaterThanOrEqualTo(2);
        String body = updates().getFirst().getBodyAsString();
        assertThat(body)
                .contains("still running")
                .contains("<@U0ALICE01>")
                .contains("1700000000.000100")
                .contains("C0INCIDENT");
        Thread.sleep(400);
        assertThat(updates()).hasSize(atStop);
    }
}
