package dev.meshpilot.bench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.bench.DemoHome;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The official conformance suite ({@code @modelcontextprotocol/conformance@0.2.0-alpha.12}) against the
 * conformance server (the product's HTTP server and Streamable HTTP transport with the suite's fixtures, on
 * the demo mesh): every server scenario the 2025-11-25 requirements list (read from
 * {@code ../shared/standards/mcp/}) must pass. Skipped when Node 22 or the suite is not installed.
 */
class McpConformanceTest {
    private static final Pattern LINE =
            Pattern.compile("^([✓✗]) ([a-z0-9-]+): (\\d+) passed, (\\d+) failed", Pattern.MULTILINE);

    @Test
    void should_pass_every_required_server_scenario_of_2025_11_25() throws Exception {
        Path suite = NodeClients.bin("conformance");
        List<String> required = requiredScenarios();
        ServerConfig config = ServerConfig.DEFAULT.withPort(0);
        Path home = DemoHome.get();
        NodeClients.Result r;
        try (ConformanceServer server =
                ConformanceServer.start(config, home, MeshStore.open(home.resolve("meshpilot.db")))) {
            r = NodeClients.run(
                    List.of(
                            suite.toString(),
                            "server",
                            "--url",
                            "http://127.0.0.1:" + server.port() + "/mcp",
                            "--requirements",
                            "2025-11-25"),
                    300);
        }
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Matcher m = LINE.matcher(r.output());
        while (m.find()) {
            (m.group(1).equals("✓") && m.group(4).equals("0") ? passed : failed).add(m.group(2));
        }
        assertThat(passed).as(r.output()).containsAll(required);
        assertThat(failed).as(r.output()).doesNotContainAnyElementsOf(required);
    }

    /** The {@code server:} list of the requirements file. */
    static List<String> requiredScenarios() throws Exception {
        Path file = Path.of(System.getProperty("meshpilot.standards", "../../shared/standards"))
                .resolve("mcp/conformance-requirements-2025-11-25.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.exists(file), "../shared/standards is not beside the checkout; skipping");
        List<String> out = new ArrayList<>();
        boolean inServer = false;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("server:")) {
                inServer = true;
            } else if (!line.startsWith(" ") && !line.isBlank()) {
                inServer = false;
            } else if (inServer && line.strip().startsWith("- ")) {
                out.add(line.strip().substring(2).strip());
            }
        }
        assertThat(out).hasSize(30);
        return out;
    }
}
