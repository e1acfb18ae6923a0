package dev.meshpilot.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.server.agents.EchoAgent;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A catalog entry is an MCP tool and prompt: a test agent registered in a test catalog, over real HTTP. */
class AgentCatalogMcpTest {
    static MeshpilotServer server;
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        McpConfig mcp = new McpConfig(List.of(McpHttpTest.grant("alice")), null, null, List.of(), List.of());
        ServerConfig config = new ServerConfig("127.0.0.1", 0, 1 << 20, mcp);
        MeshStore store = MeshStore.open(DemoHome.get().resolve("meshpilot.db"));
        sandbox = Sandbox.open(DemoHome.get(), store, Limits.DEFAULT, EchoAgent.catalog());
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
    void should_offer_and_run_a_test_agent_as_a_tool_and_a_prompt_when_its_catalog_registers_it() {
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
            List<String> tools =
                    c.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertThat(tools).contains("triage_incident", "echo_product");
            List<String> prompts = c.listPrompts().prompts().stream()
                    .map(McpSchema.Prompt::name)
                    .toList();
            assertThat(prompts).contains("triage-incident", "echo-product");

            McpSchema.CallToolResult r = c.callTool(McpSchema.CallToolRequest.builder("echo_product")
                    .arguments(Map.of("product", "orders.order_events"))
                    .build());
            assertThat(r.isError()).isFalse();
            @SuppressWarnings("unchecked")
            Map<String, Object> report = (Map<String, Object>) r.structuredContent();
            assertThat(report).containsEntry("product", "orders.order_events").containsEntry("status", "ok");

            McpSchema.CallToolResult missing = c.callTool(McpSchema.CallToolRequest.builder("echo_product")
                    .arguments(Map.of())
                    .build());
            assertThat(missing.isError()).isTrue();
            assertThat(((McpSchema.TextContent) missing.content().getFirst()).text())
                    .isEqualTo("echo_product: give 'product', a product id");
        } finally {
            c.closeGracefully();
        }
    }
}
