package dev.meshpilot.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.server.chat.slack.SlackChat;
import dev.meshpilot.server.config.ChatSettings;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.http.HttpServing;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code meshpilot bench chat}: how fast {@code meshpilot serve} acknowledges a signed Slack slash command (Slack
 * gives 3 s; the target is under 300 ms) — the real server on a loopback port over the demo mesh, WireMock as
 * Slack's Web API — for {@code help} (answered in the acknowledgement) and for {@code triage INC-1001} (an agent
 * run queued behind the acknowledgement, so later acks are measured while earlier runs are still going), and how
 * long the triage answers took to reach {@code chat.update}. One client, requests one after another.
 */
public final class ChatBench {
    static final String ALICE = "U07ALICE01";

    private ChatBench() {}

    public static void run(Path demo, int queries, Path work, PrintWriter out) throws Exception {
        Path home = Files.createDirectories(work.resolve("chat-home"));
        MeshStore store = MeshStore.open(home.resolve("meshpilot.db"));
        WorkspaceLoader.load(demo, store, Progress.NONE);
        WireMockServer slack = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slack.start();
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}")));
        slack.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson("{\"ok\":true}")));
        slack.stubFor(post(urlPathMatching("/hooks/.*")).willReturn(aResponse().withStatus(200)));
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        ChatSettings settings = new ChatSettings(
                secret,
                "xoxb-bench",
                URI.create("http://127.0.0.1:" + slack.port() + "/api"),
                List.of("127.0.0.1:" + slack.port()),
                null,
                null,
                null,
                64 * 1024);
        Limits limits = new Limits(
                Limits.DEFAULT.maxCallsPerRun(),
                Integer.MAX_VALUE,
                Limits.DEFAULT.timeout(),
                Limits.DEFAULT.maxItems(),
                Limits.DEFAULT.maxBytes());
        ServerConfig config = new ServerConfig("127.0.0.1", 0, 1024 * 1024, null, limits);
        HttpClient http = HttpClient.newHttpClient();
        try (HttpServing serving = HttpServing.start(
                config,
                home,
                store,
                (c, sandbox, s, auth) -> null,
                (sandbox, s) -> SlackChat.open(settings, sandbox, s, Optional.empty(), Clock.systemUTC()))) {
            URI url = URI.create("http://127.0.0.1:" + serving.port() + "/slack/commands");
            String hook = "http://127.0.0.1:" + slack.port() + "/hooks/T1/1/x";
            for (int i = 0; i < 50; i++) {
                ack(http, url, secret, body("help", hook, i));
            }
            long[] help = new long[queries];
            for (int i = 0; i < queries; i++) {
                help[i] = ack(http, url, secret, body("help", hook, 1000 + i));
            }
            int runs = Math.max(1, queries / 10);
            long[] triage = new long[runs];
            long started = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                triage[i] = ack(http, url, secret, body("triage INC-1001", hook, 100_000 + i));
            }
            while (slack.findAll(postRequestedFor(urlEqualTo("/api/chat.update")))
                                    .size()
                            < runs
                    && System.nanoTime() - started < 600_000_000_000L) {
                Thread.sleep(20);
            }
            long answered = System.nanoTime() - started;
            int updates = slack.findAll(postRequestedFor(urlEqualTo("/api/chat.update")))
                    .size();
            Arrays.sort(help);
            Arrays.sort(triage);
            out.printf(
                    "ack of a signed /meshpilot help, %,d requests: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    queries,
                    Percentiles.millis(help, 50),
                    Percentiles.millis(help, 95),
                    Percentiles.millis(help, 99),
                    Percentiles.millis(help, 100));
            out.printf(
                    "ack of a signed /meshpilot triage INC-1001, %,d requests while the runs queue: p50 %.2f ms, "
                            + "p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    runs,
                    Percentiles.millis(triage, 50),
                    Percentiles.millis(triage, 95),
                    Percentiles.millis(triage, 99),
                    Percentiles.millis(triage, 100));
            out.printf(
                    "%,d of %,d triage answers posted with chat.update %,d ms after the first request "
                            + "(%.1f answers/s, at most 4 agent runs at once)%n",
                    updates, runs, answered / 1_000_000, updates * 1e9 / answered);
            out.flush();
        } finally {
            slack.stop();
        }
    }

    static String body(String text, String hook, int n) {
        return "team_id=T1&channel_id=C1&user_id=" + ALICE + "&command=%2Fmeshpilot&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url="
                + URLEncoder.encode(hook, StandardCharsets.UTF_8) + "&trigger_id=" + n;
    }

    /** Sends one signed command; the nanoseconds until its acknowledgement arrived. */
    static long ack(HttpClient http, URI url, String secret, String body) throws Exception {
        long ts = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = "v0="
                + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
        HttpRequest req = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", String.valueOf(ts))
                .header("X-Slack-Signature", sig)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long s = System.nanoTime();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - s;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the server answered " + r.statusCode() + ": " + r.body());
        }
        return took;
    }
}
