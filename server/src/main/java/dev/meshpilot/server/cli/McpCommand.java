package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.config.ModelSettings;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code meshpilot mcp}: MCP over stdio, as one principal ({@code --as}, else {@code $MESHPILOT_MCP_PRINCIPAL},
 * else {@code mcp.stdioPrincipal} of the config: the environment overrides the file, as for every setting).
 * stdout carries only the protocol: before the server starts, {@code System.out} is pointed at stderr so no
 * library can write a stray line into it. On a home with no store it fails at once, before answering
 * anything and creating nothing, with {@link ErrorCode#NO_MESH} (exit 2) on stderr.
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

    /** {@code --debug}, parsed by {@link #direct} (picocli gives every command the inherited option). */
    boolean debug;

    /**
     * The command for what an IDE's configuration passes ({@code --as P}, {@code --home DIR}, {@code --config
     * FILE}, each also as {@code --option=value}, and {@code --debug}), parsed without picocli: its model
     * costs a cold JVM ~0.13 s of loading and verifying classes (Java 5 bytecode, which the AOT cache does not
     * hold), on every IDE session. Empty for anything else (help, a typo, a missing value): picocli parses
     * those and says what is wrong.
     */
    static Optional<McpCommand> direct(String[] args) {
        if (args.length == 0 || !"mcp".equals(args[0])) {
            return Optional.empty();
        }
        McpCommand command = new McpCommand();
        command.home = new HomeOptions();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (Failures.DEBUG_OPTION.equals(arg)) {
                command.debug = true;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            switch (name) {
                case "--as" -> command.principal = value;
                case "--home" -> command.home.home = Path.of(value);
                case "--config" -> command.config = Path.of(value);
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(command);
    }

    @Override
    public Integer call() throws IOException {
        ServerConfig c = ServeCommand.resolve(config, null, null);
        String id = principal != null ? principal : c.mcp().stdioPrincipal();
        if (id == null) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    "say whom the MCP session acts for: --as PRINCIPAL, MESHPILOT_MCP_PRINCIPAL, "
                            + "or mcp.stdioPrincipal in --config");
        }
        home.withConfig(config).requireStore();
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        CompletableFuture<Caller> ready = new CompletableFuture<>();
        StdioTransport stdio = new StdioTransport(
                System.in,
                protocol,
                ready,
                (init, versions) -> MeshpilotMcp.greeting(init, versions, McpProfile.STANDARD, true));
        // The store, the gate and the tools open beside the reader, which answers initialize meanwhile.
        CompletableFuture<Serving> serving = CompletableFuture.supplyAsync(
                () -> Serving.open(home, c, id, stdio, ModelSettings.load(config, System.getenv())),
                r -> Thread.ofPlatform().name("meshpilot-open").start(r));
        serving.whenComplete((s, e) -> {
            if (e == null) {
                ready.complete(s.caller());
            } else {
                ready.completeExceptionally(e);
            }
        });
        try {
            stdio.run();
            serving.join().close();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return 0;
    }

    /** What a session is served from; closing it stops the server, then closes the sandbox. */
    private record Serving(Sandbox sandbox, McpAsyncServer server, Caller caller) implements AutoCloseable {
        static Serving open(
                HomeOptions home,
                ServerConfig c,
                String principal,
                StdioTransport stdio,
                java.util.Optional<dev.meshpilot.agents.model.ModelConfig> model) {
            MeshStore store = home.openStore();
            Sandbox sandbox = Sandbox.open(home.home(), store, c.gate());
            try {
                Principal p = sandbox.principals().resolve(principal);
                McpAsyncServer server = MeshpilotMcp.build(
                        stdio, sandbox.gate(), sandbox.runner(), sandbox.catalog(), store, McpProfile.STANDARD, model);
                return new Serving(sandbox, server, new Caller(p, "stdio"));
            } catch (RuntimeException e) {
                sandbox.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                sandbox.close();
            }
        }
    }
}
