package dev.meshpilot.server.chat.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.sandbox.audit.AuditRecord;
import dev.meshpilot.server.config.ChatSettings;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.http.HttpServing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The real server on a random port over the demo mesh with Slack on, WireMock standing in for Slack's Web API and
 * response URLs, and requests signed as Slack signs them (computed here, independently of the product's code).
 */
final class SlackServer implements AutoCloseable {
    static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");
    static final String SECRET = "test-signing-secret-0123456789";
    static final String ALICE = "U07ALICE01";
    static final String BOB = "U07BOB0002";
    static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer slack;
    final HttpServing serving;
    final HttpClient http = HttpClient.newHttpClient();

    private SlackServer(WireMockServer slack, HttpServing serving) {
        this.slack = slack;
        this.serving = serving;
    }

    /** A server over the demo in {@code home}; with {@code chat} false, Slack is off (no signing secret). */
    static SlackServer start(Path home, boolean chat) {
        return start(home, chat, false);
    }

    /** With {@code matchEmail}, users without a slack id are matched by the e-mail users.info gives. */
    static SlackServer start(Path home, boolean chat, boolean matchEmail) {
        assumeTrue(Files.isDirectory(DEMO), "no demo mesh at " + DEMO + ": skipping");
        MeshStore store = MeshStore.open(home.resolve("meshpilot.db"));
        WorkspaceLoader.load(DEMO, store, Progress.NONE);
        WireMockServer slack = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slack.start();
        stubOk(slack);
        ChatSettings settings = new ChatSettings(
                SECRET,
                "xoxb-test-token",
                URI.create("http://127.0.0.1:" + slack.port() + "/api"),
                List.of("127.0.0.1:" + slack.port()),
                null,
                DEMO,
                "#data-mesh-alerts",
                64 * 1024,
                matchEmail);
        HttpServing serving = HttpServing.start(
                new ServerConfig("127.0.0.1", 0, 1024 * 1024),
                home,
                store,
                (c, sandbox, s, auth) -> null,
                chat
                        ? (sandbox, s) -> SlackChat.open(settings, sandbox, s, Optional.empty(), Clock.systemUTC())
                        : null);
        return new SlackServer(slack, serving);
    }

    static void stubOk(WireMockServer slack) {
        slack.resetAll();
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}")));
        slack.stubFor(post(urlEqualTo("/api/chat.update"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}")));
        slack.stubFor(post(urlPathMatching("/hooks/.*")).willReturn(aResponse().withStatus(200)));
    }

    String hook() {
        return "http://127.0.0.1:" + slack.port() + "/hooks/T1/1/x";
    }

    /** A slash command's form body. */
    String command(String user, String text) {
        return "token=ignored&team_id=T1&channel_id=C1&user_id=" + user + "&command=%2Fmeshpilot&text="
                + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url="
                + java.net.URLEncoder.encode(hook(), StandardCharsets.UTF_8) + "&trigger_id=1.2.3";
    }

    static String sign(String secret, long ts, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0="
                    + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(String path, String type, String body) {
        long ts = Instant.now().getEpochSecond();
        return send(path, type, body, ts, sign(SECRET, ts, body));
    }

    HttpResponse<String> send(String path, String type, String body, long ts, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serving.port() + path))
                .header("Content-Type", type)
                .header("X-Slack-Request-Timestamp", String.valueOf(ts))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-Slack-Signature", signature);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bodies of requests to {@code url} on the fake Slack, waiting (up to a minute) until one matches. */
    List<JsonNode> await(String url, Predicate<JsonNode> match) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<JsonNode> bodies = requests(url);
            if (bodies.stream().anyMatch(match) || System.nanoTime() > until) {
                return bodies;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return bodies;
            }
        }
    }

    List<JsonNode> requests(String url) {
        return slack.findAll(postRequestedFor(urlEqualTo(url))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(SlackServer::tree)
                .toList();
    }

    List<AuditRecord> audit(String principal) {
        return serving.sandbox().audit().tail(principal, null, 500);
    }

    static JsonNode tree(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        serving.close();
        slack.stop();
    }
}
