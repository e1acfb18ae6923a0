package dev.meshpilot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.bench.McpPeers.Call;
import dev.meshpilot.bench.McpPeers.HttpSession;
import dev.meshpilot.bench.McpPeers.Stdio;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The three measurements of {@link McpBench}, each against any MCP server its client speaks to (Meshpilot or
 * the reference): a cold start over stdio, round trips over stdio one at a time, and HTTP load from
 * concurrent sessions. Every answer is checked ({@link Call#check}); a wrong one fails the benchmark.
 */
final class McpTimings {
    private McpTimings() {}

    /** Starts a stdio server, times {@code initialize} and a first call, and ends it. */
    static long[] coldStart(List<String> command, Call call, Path log) throws IOException {
        long t0 = System.nanoTime();
        try (Stdio s = Stdio.start(command, Map.of(), log)) {
            s.request("initialize", McpPeers.initializeParams());
            long init = System.nanoTime() - t0;
            s.notify("notifications/initialized");
            call.check(s.request("tools/call", call.params()));
            return new long[] {init, System.nanoTime() - t0};
        }
    }

    /** {@code calls} timed round trips, one at a time, after {@code calls / 4} untimed ones. */
    static long[] roundTrips(Stdio s, Call call, int calls) throws IOException {
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
    static Load load(HttpClient client, URI uri, String bearer, Call call, int sessions, Duration length)
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

    record Load(int calls, double seconds, long[] nanos) {
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

    static final class ColdStarts {
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
}
