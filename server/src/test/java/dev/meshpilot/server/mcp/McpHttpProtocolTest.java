package dev.meshpilot.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.server.auth.Refusals;
import dev.meshpilot.server.http.MeshpilotServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Streamable HTTP at the wire: sessions, the protocol-version header, the DNS-rebinding guard, bearer tokens,
 * and bodies that are no JSON-RPC message (empty, {@code null}, scalars, batches, broken JSON).
 */
class McpHttpProtocolTest {
    static final String INIT = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",
             "capabilities":{},"clientInfo":{"name":"wire-test","version":"1"}}}""";
    static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
    static MeshpilotServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = McpHttpTest.startServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_open_a_session_answer_json_and_end_it_on_delete_after_which_it_is_404() throws Exception {
        HttpResponse<String> init = post(INIT, "token-alice", null, null);
        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(init.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).contains("json"));
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(session).matches("[\\x21-\\x7E]+");
        assertThat(init.body()).contains("\"protocolVersion\":\"2025-11-25\"");

        HttpResponse<String> ping = post(PING, "token-alice", session, "2025-11-25");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).contains("\"result\":{}");

        HttpResponse<String> delete = send(request(session, "token-alice").DELETE());
        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(post(PING, "token-alice", session, "2025-11-25").statusCode())
                .isEqualTo(404);
    }

    @Test
    void should_answer_404_for_an_unknown_session_and_for_another_principals_session() throws Exception {
        assertThat(post(PING, "token-alice", "no-such-session", null).statusCode())
                .isEqualTo(404);
        String session = post(INIT, "token-alice", null, null)
                .headers()
                .firstValue("Mcp-Session-Id")
                .orElseThrow();
        assertThat(post(PING, "token-priya", session, null).statusCode()).isEqualTo(404);
        assertThat(post(PING, "token-alice", null, null).statusCode()).isEqualTo(400);
    }

    @Test
    void should_refuse_an_unsupported_protocol_version_header_with_400() throws Exception {
        String session = post(INIT, "token-alice", null, null)
                .headers()
                .firstValue("Mcp-Session-Id")
                .orElseThrow();
        HttpResponse<String> r = post(PING, "token-alice", session, "1999-01-01");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("unsupported MCP-Protocol-Version");
    }

    @Test
    void should_answer_401_with_a_bearer_challenge_without_a_valid_token_and_refuse_tokens_in_the_url()
            throws Exception {
        HttpResponse<String> none = post(INIT, null, null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"meshpilot\"");
        HttpResponse<String> wrong = post(INIT, "not-a-token", null, null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
        HttpResponse<String> query = send(HttpRequest.newBuilder(URI.create(base() + "?access_token=token-alice"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INIT)));
        assertThat(query.statusCode()).isEqualTo(400);
    }

    @Test
    void should_refuse_a_foreign_origin_or_host_with_403_and_accept_loopback_ones() throws Exception {
        HttpResponse<String> evil = send(request(null, "token-alice")
                .header("Origin", "http://evil.example.com")
                .POST(HttpRequest.BodyPublishers.ofString(INIT)));
        assertThat(evil.statusCode()).isEqualTo(403);
        HttpResponse<String> local = send(request(null, "token-alice")
                .header("Origin", "http://localhost:5173")
                .POST(HttpRequest.BodyPublishers.ofString(INIT)));
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(rawStatus("evil.example.com")).isEqualTo(403);
        assertThat(rawStatus("localhost:" + server.port())).isEqualTo(200);
    }

    @Test
    void should_stream_a_tool_call_with_progress_as_sse() throws Exception {
        String session = post(INIT, "token-alice", null, null)
                .headers()
                .firstValue("Mcp-Session-Id")
                .orElseThrow();
        String call = """
                {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"sql_query",
                 "arguments":{"query":"SELECT 1 AS one"},"_meta":{"progressToken":"p"}}}""";
        HttpResponse<String> r = post(call, "token-alice", session, "2025-11-25");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(r.body())
                .contains("notifications/progress")
                .contains("\"id\":7")
                .contains("id: ");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "'' | -32700",
                "'   ' | -32700",
                "null | -32600",
                "42 | -32600",
                "'\"x\"' | -32600",
                "true | -32600",
                "[] | -32600",
                "'[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]' | -32600",
                "'{\"jsonrpc\":\"2.0\"}' | -32600",
                "'{\"jsonrpc\":' | -32700",
                "nul | -32700",
                "'\u0000' | -32700"
            })
    void should_answer_400_with_a_json_rpc_error_and_keep_serving_when_the_body_is_no_message(String body, int code)
            throws Exception {
        HttpResponse<String> r = post(body, "token-alice", null, null);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).contains("\"id\":null").contains("\"code\":" + code);
        assertThat(post(INIT, "token-alice", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void should_audit_refused_tokens_in_the_sandbox_audit_log() throws Exception {
        post(INIT, "not-a-token", null, null);

        try (AuditLog log = AuditLog.open(DemoHome.get().resolve("audit.db"))) {
            assertThat(log.tail(Refusals.UNAUTHENTICATED, null, 200)).anySatisfy(r -> {
                assertThat(r.entry().agent()).isEqualTo("mcp");
                assertThat(r.entry().tool()).isEqualTo("POST /mcp");
                assertThat(r.entry().reason()).isEqualTo("401 invalid_token: unknown token");
            });
        }
    }

    private static int rawStatus(String host) throws IOException {
        byte[] body = INIT.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer token-alice\r\n"
                            + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    static String base() {
        return "http://127.0.0.1:" + server.port() + "/mcp";
    }

    private static HttpRequest.Builder request(String session, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpResponse<String> post(String body, String token, String session, String version)
            throws Exception {
        HttpRequest.Builder b = request(session, token);
        if (version != null) {
            b.header("MCP-Protocol-Version", version);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
