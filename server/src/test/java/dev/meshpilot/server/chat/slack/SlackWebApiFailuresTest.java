package dev.meshpilot.server.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.meshpilot.server.chat.slack.SlackServer.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack's Web API failing in scripted ways: retried, or the answer taken another way, never lost without a trace. */
class SlackWebApiFailuresTest {
    static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    static Path home;

    @TempDir
    static Path offHome;

    static SlackServer server;

    @BeforeAll
    static void start() {
        server = SlackServer.start(home, true);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void reset() {
        SlackServer.stubOk(server.slack);
    }

    @Test
    void should_retry_chat_update_after_429_with_retry_after() {
        server.slack.stubFor(post(urlEqualTo("/api/chat.update"))
                .inScenario("limited")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("ok"));
        server.slack.stubFor(post(urlEqualTo("/api/chat.update"))
                .inScenario("limited")
                .whenScenarioStateIs("ok")
                .willReturn(okJson("{\"ok\":true,\"ts\":\"1700000000.000100\"}")));

        HttpResponse<String> ack = server.send("/slack/commands", FORM, server.command(ALICE, "drift mesh"));

        assertThat(ack.body()).contains("as alice");
        server.await(
                "/api/chat.update", u -> server.requests("/api/chat.update").size() >= 2);
        assertThat(server.requests("/api/chat.update"))
                .hasSize(2)
                .allMatch(u -> u.toString().contains("Drift"));
        assertThat(server.requests("/hooks/T1/1/x"))
                .as("delivered by chat.update, not the fallback")
                .isEmpty();
    }

    @Test
    void should_answer_through_response_url_and_audit_when_the_token_is_refused() {
        server.slack.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));

        HttpResponse<String> ack = server.send("/slack/commands", FORM, server.command(ALICE, "triage INC-1001"));

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(server.await("/hooks/T1/1/x", h -> h.toString().contains("INC-1001")))
                .anyMatch(h -> h.path("response_type").asText().equals("in_channel"));
        assertThat(server.requests("/api/chat.postMessage"))
                .as("invalid_auth is not retried")
                .hasSize(1);
        assertThat(server.audit("alice"))
                .anyMatch(a -> a.entry().decision().equals("error")
                        && a.entry().tool().equals("slack chat.postMessage")
                        && a.entry().reason().contains("invalid_auth")
                        && a.entry().reason().contains("SLACK_BOT_TOKEN"));
    }

    @Test
    void should_answer_a_button_through_its_response_url_when_the_token_is_refused() {
        server.slack.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"invalid_auth\"}")));

        server.send("/slack/interactivity", FORM, SlackChatTest.press(ALICE, "ack", "INC-1001", server.hook()));

        assertThat(server.await("/hooks/T1/1/x", h -> h.toString().contains("acknowledged INC-1001")))
                .anyMatch(h -> h.path("replace_original").asText().equals("false")
                        && h.toString().contains("(alice) acknowledged INC-1001"));
    }

    @Test
    void should_audit_an_answer_lost_when_slack_keeps_failing_every_way() {
        server.slack.stubFor(
                post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(503)));
        server.slack.stubFor(
                post(urlEqualTo("/hooks/T1/1/x")).willReturn(aResponse().withStatus(500)));

        server.send("/slack/commands", FORM, server.command(ALICE, "incident INC-1001"));

        server.await("/hooks/T1/1/x", h -> server.requests("/hooks/T1/1/x").size() >= SlackApi.ATTEMPTS);
        assertThat(server.requests("/api/chat.postMessage")).hasSize(SlackApi.ATTEMPTS);
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.audit("alice").stream().noneMatch(a -> a.entry().tool().equals("slack response_url"))
                && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(server.audit("alice"))
                .anyMatch(a -> a.entry().tool().equals("slack response_url")
                        && a.entry().decision().equals("error")
                        && a.entry().reason().contains("HTTP 500 after 3 attempts"));
    }

    @Test
    void should_give_up_after_its_attempts_when_slack_times_out() {
        server.slack.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true}").withFixedDelay(1500)));
        SlackApi api = new SlackApi(
                URI.create("http://127.0.0.1:" + server.slack.port() + "/api"),
                "xoxb-t",
                List.of(),
                Duration.ofMillis(200));

        SlackApi.Outcome o = api.call(
                "chat.postMessage", JsonNodeFactory.instance.objectNode().put("channel", "C1"));

        assertThat(o.ok()).isFalse();
        assertThat(o.attempts()).isEqualTo(SlackApi.ATTEMPTS);
        assertThat(o.error()).contains("HttpTimeoutException");
    }

    @Test
    void should_answer_404_on_slack_paths_when_no_signing_secret_is_set() {
        try (SlackServer off = SlackServer.start(offHome, false)) {
            HttpResponse<String> r = off.send("/slack/commands", FORM, off.command(ALICE, "help"));
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(off.send("/slack/events", "application/json", "{}").statusCode())
                    .isEqualTo(404);
        }
    }
}
