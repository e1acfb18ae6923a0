package dev.meshpilot.bench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.bench.DemoHome;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.mcp.McpEndpoint;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The conformance server without Node: a client with no token reaches the fixtures beside the real tools, and
 * the real tools refuse it (the principal it acts for has no grants).
 */
class ConformanceServerTest {

    @Test
    void should_serve_the_fixtures_beside_the_real_tools_and_refuse_the_real_ones_to_a_tokenless_client() {
        Path home = DemoHome.get();
        try (ConformanceServer server = ConformanceServer.start(
                        ServerConfig.DEFAULT.withPort(0), home, MeshStore.open(home.resolve("meshpilot.db")));
                McpSyncClient client = client(server.port())) {
            client.initialize();

            var tools = client.listTools().tools().stream()
                    .map(McpSchema.Tool::name)
                    .toList();
            McpSchema.CallToolResult fixture = client.callTool(
                    McpSchema.CallToolRequest.builder("test_simple_text").build());
            McpSchema.CallToolResult real = client.callTool(McpSchema.CallToolRequest.builder("get_data_product")
                    .arguments(Map.of("id", "finance.revenue_daily"))
                    .build());

            assertThat(tools).contains("test_simple_text", "get_data_product");
            assertThat(fixture.isError()).isFalse();
            assertThat(real.isError()).as(String.valueOf(real.content())).isTrue();
            assertThat(String.valueOf(real.content())).contains("denied");
        }
    }

    private static McpSyncClient client(int port) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://127.0.0.1:" + port)
                .endpoint("/mcp")
                .jsonMapper(McpEndpoint.JSON)
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
    }
}
