package dev.meshpilot.bench.replicas;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that post OpenLineage events one per request to {@code POST /api/v1/lineage}, each with a run id of its
 * own, and retry a post until it is acknowledged (2xx), as a producer with a retrying transport does. Only
 * acknowledged run ids are recorded.
 */
final class LineagePosters {
    static final String JOB_NAMESPACE = "replicas-kill-test";
    static final Duration GIVE_UP = Duration.ofSeconds(120);

    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final AtomicInteger failedAttempts = new AtomicInteger();
    private final String front;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    LineagePosters(String front) {
        this.front = front;
    }

    /** Starts {@code clients} threads posting {@code each} events; join the threads to wait for them. */
    List<Thread> start(int clients, int each) {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name("poster-" + c).start(() -> post(client, each)));
        }
        return threads;
    }

    private void post(int client, int each) {
        for (int i = 0; i < each; i++) {
            String runId = UUID.randomUUID().toString();
            String body = event(runId, "client-" + client);
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            while (System.nanoTime() < deadline) {
                if (attempt(body)) {
                    acknowledged.add(runId);
                    break;
                }
                failedAttempts.incrementAndGet();
                sleep();
            }
        }
    }

    private boolean attempt(String body) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(front + "/api/v1/lineage"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false; // the connection was reset or refused: not acknowledged, so retried
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A COMPLETE event of job {@code job} in the test's namespace. */
    static String event(String runId, String job) {
        return """
                {"eventType":"COMPLETE","eventTime":"%s","run":{"runId":"%s"},\
                "job":{"namespace":"%s","name":"%s"},"inputs":[],"outputs":[],\
                "producer":"https://github.com/meshpilot/replicas-kill-test",\
                "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"}""".formatted(Instant.now(), runId, JOB_NAMESPACE, job);
    }
}
