package dev.meshpilot.bench.conformance;

import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.mcp.Caller;
import dev.meshpilot.server.mcp.McpProfile;
import dev.meshpilot.server.mcp.MeshpilotMcp;
import dev.meshpilot.server.mcp.stdio.StdioTransport;
import dev.meshpilot.server.wiring.Sandbox;
import io.modelcontextprotocol.server.McpAsyncServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * MCP over stdio with the {@link ConformanceProfile}'s fixtures, as one principal: the transport and server of
 * {@code meshpilot mcp}, opened before the first message is read (no early {@code initialize}: nobody times
 * this server's start). stdout carries only the protocol.
 */
final class ConformanceStdio {
    private ConformanceStdio() {}

    static void run(ServerConfig config, Path home, MeshStore store, String principal) throws IOException {
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        McpProfile profile = ConformanceProfile.create();
        try (Sandbox sandbox = Sandbox.open(home, store, config.gate())) {
            Caller caller = new Caller(sandbox.principals().resolve(principal), "stdio");
            StdioTransport stdio = new StdioTransport(
                    System.in,
                    protocol,
                    CompletableFuture.completedFuture(caller),
                    (init, versions) -> MeshpilotMcp.greeting(init, versions, profile, true));
            McpAsyncServer server = MeshpilotMcp.build(stdio, sandbox.gate(), sandbox.runner(), store, profile);
            try {
                stdio.run();
            } finally {
                server.close();
            }
        }
    }
}
