package dev.meshpilot.server.chat.slack;

import static dev.meshpilot.server.chat.slack.SlackServer.ALICE;
import static dev.meshpilot.server.chat.slack.SlackServer.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.audit.AuditRecord;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack end to end: signed requests to the real server over the demo mesh, answers posted to WireMock's Slack as
 * the principal the asking Slack user maps to, in one thread per incident, with four-eyes approval of drafts.
 */
class SlackChatTest {
    @TempDir
    static Path home;

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
    void should_answer_triage_in_the_incidents_thread_as_the_asking_user() {
        HttpResponse<String> ack = server.send(
                "/slack/commands", "application/x-www-form-urlencoded", server.command(ALICE, "triage INC-1001"));

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).contains("ephemeral", "as alice");
        List<JsonNode> updates =
                server.await("/api/chat.update", u -> u.toString().contains("INC-1001"));
        JsonNode update = updates.stream()
                .filter(u -> u.toString().contains("INC-1001"))
                .findFirst()
                .orElseThrow();
        assertThat(update.path("ts").asText()).isEqualTo("1700000000.000100");
        assertThat(update.path("blocks").toString()).contains("as alice", "Full report", "Acknowledge");
        assertThat(update.path("blocks").size()).isLessThanOrEqualTo(50);
        assertThat(server.audit("alice")).extracting(r -> r.entry().agent()).contains("triage", "slack");

        server.send("/slack/commands", "application/x-www-form-urlencoded", server.command(BOB, "triage INC-1001"));
        List<JsonNode> posts = server.await(
                "/api/chat.postMessage", p -> p.path("thread_ts").asText().equals("1700000000.000100"));
        assertThat(posts)
                .as("the second answer about INC-1001 in C1 goes into the thread the first started")
                .anyMatch(p -> p.path("thread_ts").asText().equals("1700000000.000100")
                        && p.path("text").asText().contains("U07BOB0002"));
    }

    @Test
    void should_answer_a_mention_in_its_thread_picking_the_agent_from_the_text() {
        String event = "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"app_mention\","
                + "\"user\":\"" + ALICE + "\",\"channel\":\"C2\",\"ts\":\"1700000001.000200\","
                + "\"text\":\"<@U0BOT> why is revenue_daily late?\"}}";

        HttpResponse<String> ack = server.send("/slack/events", "application/json", event);

        assertThat(ack.statusCode()).isEqualTo(200);
        List<JsonNode> posts = server.await(
                "/api/chat.postMessage", p -> p.path("thread_ts").asText().equals("1700000001.000200"));
        assertThat(posts).anyMatch(p -> p.path("text").asText().contains("anomalies finance.revenue_daily"));
        assertThat(server.await("/api/chat.update", u -> u.toString().contains("Anomalies")))
                .anyMatch(u -> u.toString().contains("finance.revenue_daily"));
    }

    @Test
    void should_echo_the_challenge_of_a_signed_url_verification() {
        HttpResponse<String> r = server.send(
                "/slack/events", "application/json", "{\"type\":\"url_verification\",\"challenge\":\"3eZbrw1aB\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("3eZbrw1aB");
    }

    @Test
    void should_refuse_approval_by_the_asker_and_accept_it_from_a_second_person() {
        server.send(
                "/slack/commands",
                "application/x-www-form-urlencoded",
                server.command(
                        ALICE,
                        "migrate customers.customer_profile --to contracts/customers.customer_profile.v2.odcs.yaml"));
        JsonNode update = server.await("/api/chat.update", u -> u.toString().contains("\"approve\"")).stream()
                .filter(u -> u.toString().contains("\"approve\""))
                .findFirst()
                .orElseThrow();
        String hash = null;
        for (JsonNode b : update.path("blocks")) {
            for (JsonNode e : b.path("elements")) {
                if (e.path("action_id").asText().equals("approve")) {
                    hash = e.path("value").asText();
                }
            }
        }
        assertThat(hash).hasSize(64);

        server.send("/slack/interactivity", "application/x-www-form-urlencoded", press(ALICE, "approve", hash));
        assertThat(server.await("/api/chat.postMessage", p -> p.toString().contains("four eyes")))
                .anyMatch(p -> p.toString().contains("four eyes"));

        server.send("/slack/interactivity", "application/x-www-form-urlencoded", press(BOB, "approve", "0".repeat(64)));
        assertThat(server.await("/api/chat.postMessage", p -> p.toString().contains("no draft with hash")))
                .anyMatch(p -> p.toString().contains("no draft with hash"));

        server.send("/slack/interactivity", "application/x-www-form-urlencoded", press(BOB, "approve", hash));
        assertThat(server.await("/api/chat.postMessage", p -> p.toString().contains("approved draft")))
                .anyMatch(p -> p.toString().contains("(bob) approved draft"));
        assertThat(server.audit("bob"))
                .anyMatch(r -> r.entry().tool().equals("slack action approve")
                        && r.entry().decision().equals("ok"));
        assertThat(server.audit("alice"))
                .anyMatch(r -> r.entry().tool().equals("slack action approve")
                        && r.entry().decision().equals("denied"));
    }

    @Test
    void should_refuse_an_unmapped_user_politely_and_audit_it() {
        HttpResponse<String> r = server.send(
                "/slack/commands",
                "application/x-www-form-urlencoded",
                server.command("U0STRANGER", "triage INC-1001"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("not linked to a Meshpilot principal", "slack: U0STRANGER");
        List<AuditRecord> audit = server.audit("slack:U0STRANGER");
        assertThat(audit).anyMatch(a -> a.entry().decision().equals("denied"));
        assertThat(server.requests("/api/chat.update")).isEmpty();
    }

    static String press(String user, String action, String value) {
        return press(user, action, value, "http://127.0.0.1/hooks/x");
    }

    static String press(String user, String action, String value, String responseUrl) {
        String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + user + "\"},\"channel\":{\"id\":\"C1\"},"
                + "\"container\":{\"message_ts\":\"1700000000.000100\"},\"message\":{\"ts\":\"1700000000.000100\"},"
                + "\"response_url\":\"" + responseUrl + "\",\"actions\":[{\"action_id\":\"" + action
                + "\",\"value\":\"" + value + "\"}]}";
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }
}
