package dev.meshpilot.server.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate PRODUCT} with the proposed contract from a file shared in Slack: WireMock plays files.info and the
 * file download; real signed requests; hostile files (another host, oversized, lying about their size, not YAML,
 * Slack errors) are refused in words and audited, and nothing is fetched from a host not allowed.
 */
class SlackSharedFileTest {
    static final String CARMEN = "U07CARMEN3";
    static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    static Path home;

    static SlackServer server;

    @BeforeAll
    static void start() throws IOException {
        server = SlackServer.start(home, true);
        String contract =
                Files.readString(SlackServer.DEMO.resolve("contracts/customers.customer_profile.v2.odcs.yaml"));
        String base = "http://127.0.0.1:" + server.slack.port();
        file(
                "F0GOOD1",
                "profile.v2.odcs.yaml",
                "yaml",
                contract.length(),
                base + "/files/F0GOOD1/profile.v2.odcs.yaml");
        server.slack.stubFor(get(urlPathEqualTo("/files/F0GOOD1/profile.v2.odcs.yaml"))
                .willReturn(aResponse().withStatus(200).withBody(contract)));
        file("F0EVIL1", "profile.yaml", "yaml", 100, "https://evil.example.com/steal/profile.yaml");
        file("F0EVIL2", "profile.yaml", "yaml", 100, "http://127.0.0.2:" + server.slack.port() + "/files/x.yaml");
        file("F0HUGE1", "huge.yaml", "yaml", 5_000_000, base + "/files/F0HUGE1/huge.yaml");
        file("F0LIAR1", "liar.yaml", "yaml", 10, base + "/files/F0LIAR1/liar.yaml");
        server.slack.stubFor(get(urlPathEqualTo("/files/F0LIAR1/liar.yaml"))
                .willReturn(aResponse().withStatus(200).withBody("a: " + "x".repeat(SlackFiles.MAX_BYTES + 10))));
        file("F0PNG01", "diagram.png", "png", 100, base + "/files/F0PNG01/diagram.png");
        file("F0PROSE", "notes.yaml", "yaml", 20, base + "/files/F0PROSE/notes.yaml");
        server.slack.stubFor(get(urlPathEqualTo("/files/F0PROSE/notes.yaml"))
                .willReturn(aResponse().withStatus(200).withBody("just some words")));
        server.slack.stubFor(get(urlPathEqualTo("/api/files.info"))
                .withQueryParam("file", equalTo("F0GONE1"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"file_not_found\"}")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void should_draft_the_migration_from_a_file_named_in_the_slash_command() {
        server.send(
                "/slack/commands",
                FORM,
                server.command(CARMEN, "migrate customers.customer_profile --to file:F0GOOD1"));

        assertThat(updated("1.0.0 → 2.0.0").toString()).contains("Migration", "approve");
        assertThat(server.slack.findAll(getRequestedFor(urlPathEqualTo("/files/F0GOOD1/profile.v2.odcs.yaml"))))
                .allMatch(r -> "Bearer xoxb-test-token".equals(r.getHeader("Authorization")));
        assertThat(server.audit("carmen"))
                .anyMatch(r -> r.entry().tool().equals("slack file F0GOOD1")
                        && r.entry().decision().equals("ok"));
    }

    @Test
    void should_draft_the_migration_from_a_file_shared_with_a_mention() {
        String event = "{\"type\":\"event_callback\",\"event_id\":\"EvFile1\",\"event\":{\"type\":\"app_mention\","
                + "\"user\":\"" + CARMEN + "\",\"channel\":\"C3\",\"ts\":\"1700000003.000300\","
                + "\"text\":\"<@U0BOT> migrate customers.customer_profile\",\"files\":[{\"id\":\"F0GOOD1\"}]}}";

        assertThat(server.send("/slack/events", "application/json", event).statusCode())
                .isEqualTo(200);

        assertThat(server.await(
                        "/api/chat.postMessage",
                        p -> p.path("thread_ts").asText().equals("1700000003.000300")))
                .anyMatch(p -> p.path("text").asText().contains("file:F0GOOD1"));
        updated("phone renamed phone_number");
    }

    @Test
    void should_refuse_a_file_whose_address_is_on_another_host_without_fetching_it() {
        refused("F0EVIL1", "not on Slack's Web API host or an allowed file host");
        refused("F0EVIL2", "not on Slack's Web API host or an allowed file host");
        assertThat(server.slack.findAll(getRequestedFor(urlPathEqualTo("/files/x.yaml"))))
                .isEmpty();
    }

    @Test
    void should_refuse_an_oversized_file_whether_or_not_slack_says_so() {
        refused("F0HUGE1", "larger than 1048576 bytes");
        assertThat(server.slack.findAll(getRequestedFor(urlPathEqualTo("/files/F0HUGE1/huge.yaml"))))
                .isEmpty();
        refused("F0LIAR1", "larger than 1048576 bytes");
    }

    @Test
    void should_refuse_a_file_that_is_not_a_yaml_or_json_mapping() {
        refused("F0PNG01", "not a YAML or JSON file");
        refused("F0PROSE", "not a YAML or JSON mapping");
    }

    @Test
    void should_report_a_slack_error_and_a_file_id_that_is_not_one() {
        server.send(
                "/slack/commands",
                FORM,
                server.command(CARMEN, "migrate customers.customer_profile --to file:F0GONE1"));
        assertThat(updated("file_not_found").toString()).contains("files:read");
        assertThat(server.audit("carmen"))
                .anyMatch(r -> r.entry().tool().equals("slack file F0GONE1")
                        && r.entry().decision().equals("error"));

        server.send(
                "/slack/commands", FORM, server.command(CARMEN, "migrate customers.customer_profile --to file:../etc"));
        updated("is not a Slack file id");
    }

    private static void refused(String id, String why) {
        server.send(
                "/slack/commands", FORM, server.command(CARMEN, "migrate customers.customer_profile --to file:" + id));
        updated("file:" + id, why);
        assertThat(server.audit("carmen"))
                .anyMatch(r -> r.entry().tool().equals("slack file " + id)
                        && r.entry().decision().equals("denied")
                        && r.entry().reason().contains(why));
    }

    private static void file(String id, String name, String type, long size, String url) {
        server.slack.stubFor(get(urlPathEqualTo("/api/files.info"))
                .withQueryParam("file", equalTo(id))
                .willReturn(okJson("{\"ok\":true,\"file\":{\"id\":\"" + id + "\",\"name\":\"" + name
                        + "\",\"filetype\":\"" + type + "\",\"size\":" + size + ",\"url_private\":\"" + url + "\"}}")));
    }

    private static JsonNode updated(String... texts) {
        java.util.function.Predicate<JsonNode> all =
                u -> java.util.Arrays.stream(texts).allMatch(t -> u.toString().contains(t));
        return server.await("/api/chat.update", all).stream()
                .filter(all)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no chat.update containing: " + String.join(", ", texts)));
    }
}
