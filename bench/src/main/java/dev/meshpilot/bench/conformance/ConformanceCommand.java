package dev.meshpilot.bench.conformance;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.cli.HomeOptions;
import dev.meshpilot.server.config.ConfigLoader;
import dev.meshpilot.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meshpilot bench conformance}: the server the official MCP conformance suite runs against (CI,
 * docs/mcp.md), over Streamable HTTP until interrupted, or over stdio with {@code --stdio}.
 */
@Command(
        name = "conformance",
        mixinStandardHelpOptions = true,
        description = {
            "Serve MCP with the fixtures the official conformance suite calls (test_* tools, test:// resources,",
            "prompts), beside the real tools: Streamable HTTP at /mcp until Ctrl-C, or stdio with --stdio.",
            "HTTP requests without a token act for mcp.anonymousPrincipal, else for a principal with no grants.",
            "Testing only: the product's 'meshpilot serve' has neither the fixtures nor tokenless access."
        })
public final class ConformanceCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML config file (see docs/configuration.md).")
    Path config;

    @Option(names = "--port", description = "Override the port (0 picks a free one).")
    Integer port;

    @Option(names = "--host", description = "Override the bind address (default 127.0.0.1).")
    String host;

    @Option(names = "--stdio", description = "Serve over stdio instead (stdout is the protocol).")
    boolean stdio;

    @Option(names = "--as", paramLabel = "PRINCIPAL", description = "Whom a --stdio session acts for.")
    String principal;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ServerConfig c = ConfigLoader.load(config, System.getenv());
        c = port == null ? c : c.withPort(port);
        c = host == null ? c : c.withHost(host);
        if (stdio) {
            String id = principal != null ? principal : c.mcp().stdioPrincipal();
            if (id == null) {
                throw new MeshpilotException(
                        ErrorCode.USAGE,
                        "say whom the --stdio session acts for: --as PRINCIPAL, MESHPILOT_MCP_PRINCIPAL, "
                                + "or mcp.stdioPrincipal in --config");
            }
            ConformanceStdio.run(c, home.home(), home.openStore(), id);
            return 0;
        }
        MeshStore store = home.openStore();
        ConformanceServer server = ConformanceServer.start(c, home.home(), store);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "meshpilot-conformance-shutdown"));
        var out = spec.commandLine().getOut();
        out.printf(
                "Meshpilot conformance server on http://%s:%d/mcp (fixtures on; %s)%n",
                c.host(),
                server.port(),
                c.mcp().anonymousPrincipal() != null
                        ? "requests without a token act for '" + c.mcp().anonymousPrincipal() + "'"
                        : "requests without a token act for a principal with no grants");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }
}
