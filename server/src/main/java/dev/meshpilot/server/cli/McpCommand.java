package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.mcp.Caller;
import dev.meshpilot.server.mcp.McpProfile;
import dev.meshpilot.server.mcp.MeshpilotMcp;
import dev.meshpilot.server.mcp.conformance.ConformanceProfile;
import dev.meshpilot.server.mcp.stdio.StdioTransport;
import dev.meshpilot.server.wiring.Sandbox;
import io.modelcontextprotocol.server.McpAsyncServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code meshpilot mcp}: MCP over stdio, as one principal ({@code --as}, else {@code mcp.stdioPrincipal} of
 * the config, else {@code $MESHPILOT_MCP_PRINCIPAL}). stdout carries only the protocol: before the server
 * starts, {@code System.out} is pointed at stderr so no library can write a stray line into it.
 */
@Command(
        name = "mcp",
        mixinStandardHelpOptions = true,
        description = "Serve MCP over stdio (stdout is the protocol; logs go to stderr).")
final class McpCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--as", paramLabel = "PRINCIPAL", description = "Whom the session acts for.")
    String principal;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML config file (see docs/configuration.md).")
    Path config;

    @Option(
            names = "--conformance",
            description = "Also register the fixtures the official MCP conformance suite calls (testing only).")
    boolean conformance;

    @Override
    public Integer call() throws IOException {
        ServerConfig c = ServeCommand.resolve(config, null, null);
        String id = principal != null ? principal : c.mcp().stdioPrincipal();
        if (id == null) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    "say whom the MCP session acts for: --as PRINCIPAL, mcp.stdioPrincipal in --config, "
                            + "or MESHPILOT_MCP_PRINCIPAL");
        }
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        MeshStore store = home.openStore();
        try (Sandbox sandbox = Sandbox.open(home.home(), store, c.gate())) {
            Principal p = sandbox.principals().resolve(id);
            McpProfile profile = conformance ? ConformanceProfile.create() : McpProfile.STANDARD;
            StdioTransport stdio = new StdioTransport(System.in, protocol, new Caller(p, "stdio"));
            McpAsyncServer server = MeshpilotMcp.build(stdio, sandbox.gate(), sandbox.runner(), store, profile);
            try {
                stdio.run();
            } finally {
                server.close();
            }
        }
        return 0;
    }
}
