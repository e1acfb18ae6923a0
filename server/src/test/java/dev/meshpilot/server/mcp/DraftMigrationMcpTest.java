package dev.meshpilot.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.agents.Agents;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.server.auth.BearerAuth;
import dev.meshpilot.server.config.McpConfig;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.http.MeshpilotServer;
import dev.meshpilot.server.http.RestAuth;
import dev.meshpilot.server.wiring.Sandbox;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migration agent over MCP: the catalog's draft_migration tool, the proposed contract given as text. */
class DraftMigrationMcpTest {
    static MeshpilotServer server;
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        McpConfig mcp = new McpConfig(List.of(McpHttpTest.grant("alice")), null, null, List.of(), List.of());
        ServerConfig config = new ServerConfig("127.0.0.1", 0, 1 << 20, mcp);
        MeshStore store = MeshStore.open(DemoHome.get().resolve("meshpilot.db"));
        sandbox = Sandbox.open(DemoHome.get(), store, Limits.DEFAULT, Agents.catalog());
        BearerAuth bearer = new BearerAuth(config.mcp(), sandbox.principals()::resolve);
        server = MeshpilotServer.start(
                config,
                store,
                new RestAuth(config, bearer, sandbox.audit()),
                sandbox::committed,
                sandbox::incidentsTouched,
                McpHttp.open(config, sandbox, store, bearer));
    }

    @AfterAll
    static void stop() {
        server.close();
        sandbox.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_draft_the_demo_migration_when_called_with_the_proposed_contract_as_text() throws Exception {
        String v2 = Files.readString(Path.of(
                System.getProperty("meshpilot.root", "../"),
                "examples/acme-retail/contracts/customers.customer_profile.v2.odcs.yaml"));
        McpSyncClient c = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
                        .endpoint("/mcp")
                        .jsonMapper(McpEndpoint.JSON)
                        .httpRequestCustomizer(
                                (b, method, uri, body, ctx) -> b.header("Authorization", "Bearer token-alice"))
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .jsonSchemaValidator(new SchemaValidator())
                .build();
        try {
            c.initialize();
            McpSchema.Tool tool = c.listTools().tools().stream()
                    .filter(t -> t.name().equals("draft_migration"))
                    .findFirst()
                    .orElseThrow();
            assertThat((List<String>) tool.inputSchema().get("required")).containsExactly("contract", "to");

            McpSchema.CallToolResult r = c.callTool(McpSchema.CallToolRequest.builder("draft_migration")
                    .arguments(Map.of("contract", "customers.customer_profile", "to", v2))
                    .build());
            assertThat(r.isError()).as(r.content().toString()).isFalse();
            Map<String, Object> report = (Map<String, Object>) r.structuredContent();
            assertThat(report).containsEntry("verdict", "breaking").containsEntry("toVersion", "2.0.0");
            assertThat(((McpSchema.TextContent) r.content().getFirst()).text()).contains("has_phone");

            McpSchema.CallToolResult missing = c.callTool(McpSchema.CallToolRequest.builder("draft_migration")
                    .arguments(Map.of("contract", "customers.customer_profile"))
                    .build());
            assertThat(missing.isError()).isTrue();
            assertThat(((McpSchema.TextContent) missing.content().getFirst()).text())
                    .contains("'to'");
        } finally {
            c.closeGracefully();
        }
    }
}
