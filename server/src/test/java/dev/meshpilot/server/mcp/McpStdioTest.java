package dev.meshpilot.server.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The contract over stdio, against a real {@code meshpilot mcp} process. The jar is built only in the
 * {@code package} phase, after the tests, so the process runs {@code Main} on the test class path (the
 * same classes the jar holds) with the launcher's JVM flags.
 */
class McpStdioTest extends McpContractTest {
    @Override
    McpSyncClient connect(String principal) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ServerParameters params = ServerParameters.builder(java)
                .args(
                        "--enable-native-access=ALL-UNNAMED",
                        "-Xlog:disable",
                        "-Xlog:all=warning:stderr",
                        "-Dai.djl.offline=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.meshpilot.server.Main",
                        "mcp",
                        "--home",
                        DemoHome.get().toString(),
                        "--as",
                        principal)
                .build();
        StdioClientTransport transport = new StdioClientTransport(params, McpEndpoint.JSON);
        transport.setStdErrorHandler(line -> {});
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(60))
                .jsonSchemaValidator(new SchemaValidator())
                .progressConsumer(progress::add)
                .loggingConsumer(logs::add)
                .build();
    }
}
