package dev.meshpilot.server.mcp;

import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.auth.BearerAuth;
import dev.meshpilot.server.config.McpConfig;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.http.MeshpilotServer;
import dev.meshpilot.server.http.RestAuth;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract over Streamable HTTP, against the real Helidon server on a free loopback port. */
class McpHttpTest extends McpContractTest {
    static MeshpilotServer server;

    @BeforeAll
    static void start() {
        server = startServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A server on the demo home where token {@code token-<principal>} authenticates alice, priya and carmen. */
    static MeshpilotServer startServer() {
        McpConfig mcp = new McpConfig(
                List.of(grant("alice"), grant("priya"), grant("carmen")), null, null, List.of(), List.of());
        ServerConfig config = new ServerConfig("127.0.0.1", 0, 1 << 20, mcp);
        MeshStore store = MeshStore.open(DemoHome.get().resolve("meshpilot.db"));
        // the sandbox lives as long as the test JVM (the server tests share it)
        dev.meshpilot.server.wiring.Sandbox sandbox = dev.meshpilot.server.wiring.Sandbox.open(DemoHome.get(), store);
        BearerAuth bearer = new BearerAuth(config.mcp(), sandbox.principals()::resolve);
        return MeshpilotServer.start(
                config,
                store,
                new RestAuth(config, bearer, sandbox.audit()),
                sandbox::committed,
                sandbox::incidentsTouched,
                McpHttp.open(config, sandbox, store, bearer));
    }

    static McpConfig.TokenGrant grant(String principal) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("token-" + principal).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new McpConfig.TokenGrant(principal, HexFormat.of().formatHex(hash));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    McpSyncClient connect(String principal) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://127.0.0.1:" + server.port())
                .endpoint("/mcp")
                .jsonMapper(McpEndpoint.JSON)
                .httpRequestCustomizer(
                        (b, method, uri, body, ctx) -> b.header("Authorization", "Bearer token-" + principal))
                .build();
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .jsonSchemaValidator(new SchemaValidator())
                .progressConsumer(progress::add)
                .loggingConsumer(logs::add)
                .build();
    }
}
