package dev.meshpilot.bench.replicas;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An MCP Streamable HTTP client through the balancer, as an assistant behaves: it initializes a session, calls
 * tools in it, and initializes again when the session is gone (its replica died: the other answers 404).
 */
final class McpClient {
    static final String VERSION = "2025-11-25";

    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger initializations = new AtomicInteger();
    private final String front;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String session;
    private int id;
    /** The replica that answered the last initialize ({@code X-Meshpilot-Replica}, set by the balancer). */
    volatile String replica;

    McpClient(String front) {
        this.front = front;
    }

    /** Initializes a session; its id. */
    String initialize() throws IOException, InterruptedException {
        HttpResponse<String> init = post(null, """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"%s",\
                "capabilities":{},"clientInfo":{"name":"replicas-kill-test","version":"1"}}}""".formatted(VERSION));
        if (init.statusCode() != 200) {
            throw new IOException("initialize answered " + init.statusCode() + ": " + init.body());
        }
        session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        replica = init.headers().firstValue("X-Meshpilot-Replica").orElse(null);
        initializations.incrementAndGet();
        post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return session;
    }

    /** A request in the current session (initialized first when there is none); the answer. */
    HttpResponse<String> request(String method, String params) throws IOException, InterruptedException {
        if (session == null) {
            initialize();
        }
        HttpResponse<String> r = post(
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"%s\",\"params\":%s}".formatted(++id + 1, method, params));
        if (r.statusCode() != 200) {
            session = null; // 404: the session lived in a replica that is gone
        }
        return r;
    }

    /** Calls {@code get_data_product} until {@code stop}; failures end the session, the next call starts one. */
    void callUntil(AtomicBoolean stop) {
        while (!stop.get()) {
            try {
                HttpResponse<String> r = request(
                        "tools/call",
                        "{\"name\":\"get_data_product\",\"arguments\":{\"id\":\"customers.customer_360\"}}");
                if (r.statusCode() == 200 && r.body().contains("customer_360")) {
                    calls.incrementAndGet();
                }
            } catch (IOException e) {
                session = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HttpResponse<String> post(String session, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(front + "/mcp"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        if (session != null) {
            b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", VERSION);
        }
        return http.send(
                b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
