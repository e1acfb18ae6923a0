package dev.meshpilot.bench;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.WorkspaceGenerator;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.server.auth.BearerAuth;
import dev.meshpilot.server.config.RestConfig;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.http.MeshpilotServer;
import dev.meshpilot.server.http.RestAuth;
import dev.meshpilot.tools.access.Principals;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Sustained OpenLineage ingest over HTTP with durable acknowledgements: the real server on 127.0.0.1
 * (a free port), a store loaded with a generated mesh, and {@code clients} concurrent producers each
 * POSTing one event per request over a keep-alive connection, for at most {@code seconds}. Every request must get 201; the rows are
 * counted in the store afterwards, so an acknowledged event that was not committed would show.
 */
public final class IngestBench {
    private IngestBench() {}

    public static void run(int products, int clients, int seconds, Path work, PrintWriter out) throws Exception {
        Path ws = work.resolve("workspace");
        new WorkspaceGenerator().generate(GeneratorSpec.of(products, 30, 7), ws, Progress.NONE);
        List<String> events = events(ws.resolve("observed/events"));
        Path empty = work.resolve("mesh-only");
        MeshStore store = MeshStore.open(work.resolve("home/meshpilot.db"));
        WorkspaceLoader.load(withoutEvents(ws, empty), store, Progress.NONE);
        out.printf("%,d distinct events ready; %d clients; at most %d s%n", events.size(), clients, seconds);
        // the producers post without a token, as the generated mesh's ingest service (loopback only)
        ServerConfig config = new ServerConfig("127.0.0.1", 0, 1 << 20).withRest(new RestConfig("svc-ingest"));
        try (AuditLog audit = AuditLog.open(work.resolve("home/audit.db"));
                MeshpilotServer server = MeshpilotServer.start(
                        config,
                        store,
                        new RestAuth(
                                config,
                                new BearerAuth(config.mcp(), new Principals(new Directory(store))::resolve),
                                audit))) {
            List<byte[]> bodies =
                    events.stream().map(e -> e.getBytes(StandardCharsets.UTF_8)).toList();
            AtomicInteger next = new AtomicInteger();
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                for (int c = 0; c < clients; c++) {
                    pool.submit(() -> {
                        try (KeepAlivePoster poster =
                                new KeepAlivePoster("127.0.0.1", server.port(), "/api/v1/lineage")) {
                            int i;
                            while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < bodies.size()) {
                                long t = System.nanoTime();
                                (poster.post(bodies.get(i)) == 201 ? ok : failed).incrementAndGet();
                                latencies.add(System.nanoTime() - t);
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        }
                        return null;
                    });
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            long rows = store.count("run_event");
            List<Long> sorted = latencies.stream().sorted().toList();
            out.printf(
                    "acked %,d events (failed %,d) in %.1f s: %,.0f events/s; latency p50 %.1f ms, p99 %.1f ms; "
                            + "committed rows %,d%n",
                    ok.get(), failed.get(), secs, ok.get() / secs, pct(sorted, 0.50), pct(sorted, 0.99), rows);
        }
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
    }

    private static List<String> events(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> lines = new ArrayList<>();
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList()) {
                Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            }
            return lines;
        }
    }

    /** A copy of the workspace without its events, so the events are ingested over HTTP only. */
    private static Path withoutEvents(Path ws, Path target) {
        try (Stream<Path> files = Files.walk(ws)) {
            for (Path f : files.toList()) {
                Path rel = ws.relativize(f);
                if (rel.startsWith("observed/events")) {
                    continue;
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
