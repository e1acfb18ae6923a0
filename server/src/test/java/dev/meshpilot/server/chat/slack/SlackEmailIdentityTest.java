package dev.meshpilot.server.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chat.matchEmail: a Slack user without a slack id acts as the user principal with their Slack e-mail. */
class SlackEmailIdentityTest {
    @TempDir
    static Path home;

    static SlackServer server;

    @BeforeAll
    static void start() {
        server = SlackServer.start(home, true, true);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void should_act_as_the_principal_with_the_users_slack_email_and_ask_slack_once() {
        SlackServer.stubOk(server.slack);
        server.slack.stubFor(get(urlPathEqualTo("/api/users.info"))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"U0NEWJULES\",\"profile\":{\"email\":"
                        + "\"Jules.Martin@acme.example\"}}}")));

        HttpResponse<String> first = server.send(
                "/slack/commands", "application/x-www-form-urlencoded", server.command("U0NEWJULES", "help"));
        HttpResponse<String> second = server.send(
                "/slack/commands", "application/x-www-form-urlencoded", server.command("U0NEWJULES", "drift mesh"));

        assertThat(first.body()).contains("answers as you");
        assertThat(second.body()).contains("as jules");
        server.slack.verify(1, getRequestedFor(urlPathEqualTo("/api/users.info")));
    }

    @Test
    void should_refuse_politely_when_slack_knows_no_email_of_a_principal() {
        SlackServer.stubOk(server.slack);
        server.slack.stubFor(get(urlPathEqualTo("/api/users.info"))
                .willReturn(okJson("{\"ok\":true,\"user\":{\"id\":\"U0OUTSIDER\",\"profile\":{\"email\":"
                        + "\"someone@elsewhere.example\"}}}")));

        HttpResponse<String> r = server.send(
                "/slack/commands", "application/x-www-form-urlencoded", server.command("U0OUTSIDER", "help"));

        assertThat(r.body()).contains("not linked to a Meshpilot principal");
    }
}
