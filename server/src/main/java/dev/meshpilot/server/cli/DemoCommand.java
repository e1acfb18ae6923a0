package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.LoadResult;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.server.config.ContractSettings;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.wiring.Sandbox;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meshpilot demo}: loads the bundled demo mesh into the home (the same one every other command reads, so
 * the documented follow-up commands work as written) and serves it. The home's store is recreated each time,
 * unless it holds a mesh demo did not load ({@link DemoHome}), which it refuses to replace (exit 2).
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Load the bundled demo mesh (examples/acme-retail) into the home and serve it.")
final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--home",
            paramLabel = "DIR",
            description =
                    "Home folder (default: $MESHPILOT_HOME, else ~/.meshpilot); its store is recreated, unless it holds "
                            + "a mesh the demo did not load.")
    Path home;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Load this workspace instead of the bundled demo.")
    Path workspace;

    @Option(names = "--port", description = "Port (default 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--no-serve", description = "Load only; do not start the server.")
    boolean noServe;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A YAML config file for the server and contracts.odcsSchema (see docs/configuration.md).")
    Path config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Path dir = workspace != null ? workspace : bundledDemo();
        var validation = ContractSettings.load(config, System.getenv());
        Path h = home != null ? home : HomeOptions.defaultHome();
        DemoHome.reset(h);
        MeshStore store = MeshStore.open(h.resolve(HomeOptions.STORE));
        LoadResult r = WorkspaceLoader.load(dir, store, new ConsoleProgress(System.err), validation);
        DemoHome.mark(h, store);
        var out = spec.commandLine().getOut();
        out.printf(
                "Loaded the '%s' demo mesh into %s: %d products, %d contracts, %d incidents, %d lineage events (%,d ms).%n",
                r.mesh(), h, r.products(), r.contracts(), r.incidents(), r.events(), r.millis());
        try (Sandbox sandbox = Sandbox.open(h, store)) {
            var indexed = sandbox.index().rebuild(store);
            out.printf(
                    "Indexed %d documents for search with the local embedding model (%,d ms).%n",
                    indexed.added(), indexed.took().toMillis());
        }
        String hints = workspace == null ? DemoHints.bundled(h) : DemoHints.of(store, h);
        if (noServe) {
            out.print(hints.lines()
                    .filter(l -> !l.contains("{base}"))
                    .map(l -> l + "\n")
                    .collect(Collectors.joining()));
            return 0;
        }
        ServerConfig serverConfig = DemoAccess.anonymous(ServeCommand.resolve(config, port, null), store);
        ServeCommand.serve(serverConfig, h, store, out, hints);
        return 0;
    }

    /** The demo workspace beside the installation: {@code <root>/examples/acme-retail}. */
    static Path bundledDemo() {
        String root = System.getProperty("meshpilot.root");
        Path base = root != null ? Path.of(root) : installRoot();
        Path demo = base.resolve("examples/acme-retail");
        if (!Files.isRegularFile(demo.resolve("meshpilot.yaml"))) {
            throw new MeshpilotException(
                    ErrorCode.NOT_FOUND,
                    "the demo workspace is not at " + demo
                            + " (pass --workspace DIR, or run from a Meshpilot checkout)");
        }
        return demo;
    }

    static Path installRoot() {
        try {
            Path jar = Path.of(DemoCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            // <root>/server/target/meshpilot.jar, or <root>/server/target/classes in a development run.
            return jar.getParent().getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(".");
        }
    }
}
