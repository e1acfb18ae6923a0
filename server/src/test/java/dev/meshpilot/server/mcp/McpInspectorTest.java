package dev.meshpilot.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MCP Inspector's CLI ({@code @modelcontextprotocol/inspector@2.12.0 --cli}) against {@code meshpilot mcp}
 * over stdio: a client the project did not write lists tools, calls one and reads a resource. Skipped when
 * Node 22 or the Inspector is not installed.
 */
class McpInspectorTest {
    @Test
    void should_list_call_and_read_over_stdio_with_the_inspector_cli() throws Exception {
        Path inspector = NodeClients.bin("mcp-inspector");

        NodeClients.Result tools = inspect(inspector, List.of("--method", "tools/list"));
        NodeClients.Result call = inspect(
                inspector,
                List.of("--method", "tools/call", "--tool-name", "sql_query", "--tool-arg", "query=SELECT 1 AS one"));
        NodeClients.Result read = inspect(
                inspector, List.of("--method", "resources/read", "--uri", "mesh://products/finance.revenue_daily"));

        assertThat(tools.exit()).as(tools.output()).isZero();
        assertThat(tools.output()).contains("sql_query");
        assertThat(call.exit()).as(call.output()).isZero();
        assertThat(call.output()).contains("structuredContent").contains("one");
        assertThat(read.exit()).as(read.output()).isZero();
        assertThat(read.output()).contains("finance.revenue_daily");
    }

    private static NodeClients.Result inspect(Path inspector, List<String> method) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                inspector.toString(),
                "--cli",
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xlog:disable",
                "-Xlog:all=warning:stderr",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.meshpilot.server.Main",
                "mcp",
                "--home",
                DemoHome.get().toString(),
                "--as",
                "alice"));
        command.addAll(method);
        return NodeClients.run(command, 120);
    }
}
