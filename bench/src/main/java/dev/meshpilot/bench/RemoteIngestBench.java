package dev.meshpilot.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OpenLineage ingest against a server that is already running ({@code meshpilot bench ingest --url URL}), e.g. the
 * balancer of the two-replica example: {@code clients} producers each POST one new event per request (a fresh run
 * id, one input and one output dataset) over a keep-alive connection for {@code seconds}, reconnecting when the
 * connection closes. Only 2xx answers count as acknowledged; the store is the server's, so rows are not counted.
 */
final class RemoteIngestBench {
    private RemoteIngestBench() {}

    static void run(URI url, int clients, int seconds, PrintWriter out) throws Exception {
        int port = url.getPort() > 0 ? url.getPort() : 80;
        out.printf("posting to %s/api/v1/lineage; %d clients; %d s%n", url, clients, seconds);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    KeepAlivePoster poster = new KeepAlivePoster(url.getHost(), port, "/api/v1/lineage");
                    try {
                        while (System.nanoTime() < deadline) {
                            byte[] body = event(client).getBytes(StandardCharsets.UTF_8);
                            long t = System.nanoTime();
                            try {
                                (poster.post(body) / 100 == 2 ? ok : failed).incrementAndGet();
                                latencies.add(System.nanoTime() - t);
                            } catch (IOException e) {
                                failed.incrementAndGet();
                                closeQuietly(poster);
                                poster = new KeepAlivePoster(url.getHost(), port, "/api/v1/lineage");
                            }
                        }
                    } finally {
                        closeQuietly(poster);
                    }
                    return null;
                });
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = latencies.stream().sorted().toList();
        out.printf(
                "acked %,d events (failed %,d) in %.1f s: %,.0f events/s; latency p50 %.1f ms, p99 %.1f ms%n",
                ok.get(), failed.get(), secs, ok.get() / secs, pct(sorted, 0.50), pct(sorted, 0.99));
    }

    private static void closeQuietly(KeepAlivePoster poster) {
        try {
            poster.close();
        } catch (IOException ignored) {
            // the connection is gone already
        }
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
    }

    private static String event(int client) {
        return """
                {"eventType":"COMPLETE","eventTime":"%s","run":{"runId":"%s"},\
                "job":{"namespace":"bench-remote","name":"job_%d"},\
                "inputs":[{"namespace":"bench-remote","name":"in_%d"}],\
                "outputs":[{"namespace":"bench-remote","name":"out_%d"}],\
                "producer":"https://github.com/meshpilot/bench","schemaURL":\
                "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"}""".formatted(Instant.now(), UUID.randomUUID(), client, client, client);
    }
}
