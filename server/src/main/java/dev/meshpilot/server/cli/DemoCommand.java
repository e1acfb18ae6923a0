package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.LoadResult;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.server.config.ContractSettings;
import dev.meshpilot.server.wiring.Sandbox;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshpilot demo}: loads the bundled demo mesh into a fresh home and serves it. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Load the bundled demo mesh (examples/acme-retail) into a fresh home and serve it.")
final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--home",
            paramLabel = "DIR",
            description =
                    "Home folder for the demo (default: $MESHPILOT_HOME/demo, else ~/.meshpilot/demo); its store is recreated.")
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
        Path h = home != null ? home : defaultHome();
        Path db = h.resolve("meshpilot.db");
        try {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
        } catch (IOException e) {
            throw new MeshpilotException(
                    ErrorCode.STORE_FAILED, "cannot reset the demo store " + db + ": " + e.getMessage(), e);
        }
        MeshStore store = MeshStore.open(db);
        LoadResult r = WorkspaceLoader.load(dir, store, new ConsoleProgress(System.err), validation);
        var out = spec.commandLine().getOut();
        out.printf(
                "Loaded the '%s' demo mesh: %d products, %d contracts, %d incidents, %d lineage events (%,d ms).%n",
                r.mesh(), r.products(), r.contracts(), r.incidents(), r.events(), r.millis());
        try (Sandbox sandbox = Sandbox.open(h, store)) {
            var indexed = sandbox.index().rebuild(store);
            out.printf(
                    "Indexed %d documents for search with the local embedding model (%,d ms).%n",
                    indexed.added(), indexed.took().toMillis());
        }
        String hints = "Try:\n"
                + "  ./meshpilot triage INC-1001 --as alice --home " + h + "\n"
                + "  ./meshpilot search \"why is the revenue flash late\" --home " + h + "\n"
                + "  ./meshpilot products --home " + h + "\n"
                + "  ./meshpilot incident INC-1001 --home " + h + "\n"
                + "  ./meshpilot lineage finance.revenue_daily --upstream --home " + h + "\n"
                + "  ./meshpilot incidents --open --home " + h + "\n"
                + "  ./meshpilot sql --as priya --home " + h
                + " \"SELECT customer_id, email FROM customers__customer_360 LIMIT 3\"   (then --as carmen)\n"
                + "  curl -s {base}/api/v1/products/finance.revenue_daily\n"
                + "  ./meshpilot mcp --as alice --home " + h + "   (MCP over stdio; see the README for IDE configs)\n"
                + "The five seeded situations are described in examples/acme-retail/README.md.\n";
        if (noServe) {
            out.print(hints.replace("  curl -s {base}/api/v1/products/finance.revenue_daily\n", ""));
            return 0;
        }
        ServeCommand.serve(ServeCommand.resolve(config, port, null), h, store, false, out, hints);
        return 0;
    }

    static Path defaultHome() {
        String env = System.getenv("MESHPILOT_HOME");
        Path base =
                env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".meshpilot");
        return base.resolve("demo");
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
