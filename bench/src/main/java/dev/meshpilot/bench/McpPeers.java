package dev.meshpilot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The MCP client side of the MCP benchmark, written against the wire format rather than an SDK so that both
 * servers are driven by exactly the same bytes: JSON-RPC lines over a child process's stdin/stdout, and
 * Streamable HTTP POSTs whose answer is either JSON or an SSE stream. Every answer is checked: a JSON-RPC
 * error or a tool result with {@code isError} fails the benchmark instead of being counted.
 */
final class McpPeers {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROTOCOL = "2025-11-25";

    private McpPeers() {}

    /** A tool to call and a text its answer must contain. */
    record Call(String tool, Map<String, Object> arguments, String expect) {
        ObjectNode params() {
            ObjectNode p = JSON.createObjectNode();
            p.put("name", tool);
            p.set("arguments", JSON.valueToTree(arguments));
            return p;
        }

        /** Throws unless {@code response} is a successful result of this call. */
        void check(JsonNode response) {
            JsonNode result = response.path("result");
            if (result.isMissingNode() || result.path("isError").asBoolean(false)) {
                throw new IllegalStateException(tool + " did not succeed: " + clip(response));
            }
            if (!result.toString().contains(expect)) {
                throw new IllegalStateException(tool + " answered without '" + expect + "': " + clip(response));
            }
        }
    }

    static ObjectNode initializeParams() {
        ObjectNode p = JSON.createObjectNode();
        p.put("protocolVersion", PROTOCOL);
        p.putObject("capabilities");
        p.putObject("clientInfo").put("name", "meshpilot-bench").put("version", "1");
        return p;
    }

    private static ObjectNode message(Integer id, String method, JsonNode params) {
        ObjectNode m = JSON.createObjectNode();
        m.put("jsonrpc", "2.0");
        if (id != null) {
            m.put("id", id);
        }
        m.put("method", method);
        if (params != null) {
            m.set("params", params);
        }
        return m;
    }

    private static JsonNode checked(JsonNode response, String method) {
        if (response.has("error")) {
            throw new IllegalStateException(method + " failed: " + clip(response));
        }
        return response;
    }

    private static String clip(JsonNode node) {
        String s = node.toString();
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    /** An MCP server as a child process speaking newline-delimited JSON-RPC over stdio. Not thread-safe. */
    static final class Stdio implements AutoCloseable {
        private final Process process;
        private final OutputStream in;
        private final BufferedReader out;
        private int nextId = 1;

        private Stdio(Process process) {
            this.process = process;
            this.in = process.getOutputStream();
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Starts {@code command}; its stderr goes to {@code log}. */
        static Stdio start(List<String> command, Map<String, String> env, Path log) throws IOException {
            ProcessBuilder pb =
                    new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            return new Stdio(pb.start());
        }

        /** Sends a request and returns its response, skipping notifications the server sends meanwhile. */
        JsonNode request(String method, JsonNode params) throws IOException {
            int id = nextId++;
            send(message(id, method, params));
            while (true) {
                String line = out.readLine();
                if (line == null) {
                    throw new IOException(
                            "the server closed stdout before answering " + method + " (exit " + exitCode() + ")");
                }
                JsonNode m = JSON.readTree(line);
                if (m.path("id").asInt(-1) == id && !m.has("method")) {
                    return checked(m, method);
                }
            }
        }

        void notify(String method) throws IOException {
            send(message(null, method, null));
        }

        private void send(JsonNode m) throws IOException {
            in.write(JSON.writeValueAsBytes(m));
            in.write('\n');
            in.flush();
        }

        private String exitCode() {
            try {
                return process.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }

        /** Closes stdin (which ends a stdio server) and waits for the process, killing it after 5 s. */
        @Override
        public void close() throws IOException {
            in.close();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One MCP session over Streamable HTTP. One thread at a time; sessions may share the client. */
    static final class HttpSession implements AutoCloseable {
        private final HttpClient client;
        private final URI uri;
        private final String bearer;
        private String sessionId;
        private String protocol = PROTOCOL;
        private int nextId = 1;

        HttpSession(HttpClient client, URI uri, String bearer) {
            if (!"127.0.0.1".equals(uri.getHost())) {
                throw new IllegalArgumentException("the benchmark only targets 127.0.0.1, not " + uri.getHost());
            }
            this.client = client;
            this.uri = uri;
            this.bearer = bearer;
        }

        /** {@code initialize} then {@code notifications/initialized}. */
        void open() throws IOException, InterruptedException {
            JsonNode init = request("initialize", initializeParams());
            protocol = init.path("result").path("protocolVersion").asText(PROTOCOL);
            HttpResponse<String> r = post(message(null, "notifications/initialized", null));
            if (r.statusCode() != 202) {
                throw new IOException("notifications/initialized got HTTP " + r.statusCode() + ": " + r.body());
            }
        }

        JsonNode request(String method, JsonNode params) throws IOException, InterruptedException {
            int id = nextId++;
            HttpResponse<String> r = post(message(id, method, params));
            if (r.statusCode() != 200) {
                throw new IOException(method + " got HTTP " + r.statusCode() + ": " + r.body());
            }
            r.headers().firstValue("Mcp-Session-Id").ifPresent(s -> sessionId = s);
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("text/event-stream")) {
                return checked(JSON.readTree(r.body()), method);
            }
            for (String line : r.body().split("\n")) {
                if (line.startsWith("data:")) {
                    JsonNode m = JSON.readTree(line.substring(5));
                    if (m.path("id").asInt(-1) == id && !m.has("method")) {
                        return checked(m, method);
                    }
                }
            }
            throw new IOException(method + ": the SSE stream ended without the response");
        }

        private HttpResponse<String> post(JsonNode message) throws IOException, InterruptedException {
            HttpRequest.Builder b = builder()
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(message)));
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder builder() {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            if (sessionId != null) {
                b.header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", protocol);
            }
            return b;
        }

        /** Ends the session (DELETE); a server that refuses is not an error here. */
        @Override
        public void close() throws IOException {
            if (sessionId == null) {
                return;
            }
            try {
                client.send(builder().DELETE().build(), HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
