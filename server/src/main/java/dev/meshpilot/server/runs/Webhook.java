package dev.meshpilot.server.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.ledger.RecordedFinding;
import dev.meshpilot.mesh.ledger.RecordedRun;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Posts a scheduled run's new and resolved findings to a generic webhook as JSON, with the header
 * {@code Idempotency-Key: <schedule>@<fire time>} so a receiver can drop a repeat. Up to three attempts on a
 * refused connection or a 5xx; a 4xx is not retried. Returns the outcome in words. Thread-safe.
 */
public final class Webhook {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The JSON body: schedule, fire time, agent, scope, run id, headline, new and resolved findings. */
    static ObjectNode body(Schedule s, Instant fire, RecordedRun run, Recording rec) {
        ObjectNode body = JSON.createObjectNode()
                .put("schedule", s.name())
                .put("fireTime", fire.toString())
                .put("agent", s.agent())
                .put("scope", run.scope())
                .put("runId", run.id())
                .put("headline", run.headline());
        ArrayNode fresh = body.putArray("new");
        for (RecordedFinding f : rec.fresh()) {
            fresh.add(read(f.json()));
        }
        ArrayNode resolved = body.putArray("resolved");
        rec.resolved().forEach(resolved::add);
        return body;
    }

    String send(URI url, String idempotencyKey, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        String last = "not sent";
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status / 100 == 2) {
                    return "sent (HTTP " + status + ")";
                }
                last = "failed: HTTP " + status + " from " + url;
                if (status / 100 == 4) {
                    return last;
                }
            } catch (IOException e) {
                last = "failed: " + e.getClass().getSimpleName() + " " + e.getMessage() + " (" + url + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "failed: interrupted";
            }
            pause(attempt);
        }
        return last;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
