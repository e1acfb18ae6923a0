package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.search.SyncResult;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.LoadResult;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.server.config.ContractSettings;
import dev.meshpilot.server.wiring.Sandbox;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code meshpilot load DIR}: loads or refreshes a workspace, all or nothing. */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = "Load or refresh a workspace folder (all or nothing; exit 2 listing every problem).")
final class LoadCommand extends StoreCommand {

    @Parameters(paramLabel = "DIR", description = "The workspace folder (with meshpilot.yaml).")
    Path dir;

    @picocli.CommandLine.Option(
            names = "--no-index",
            description = "Do not update the search index (large meshes: run 'meshpilot index sync' later).")
    boolean noIndex;

    @picocli.CommandLine.Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A YAML config file; its contracts.odcsSchema adds the official ODCS schema check, its "
                    + "store.url names a PostgreSQL store.")
    Path config;

    @Override
    public Integer call() {
        var validation = ContractSettings.load(config, System.getenv());
        MeshStore store = home.withConfig(config).createStore();
        LoadResult r = WorkspaceLoader.load(dir, store, new ConsoleProgress(System.err), validation);
        SyncResult indexed = null;
        if (!noIndex) {
            indexed = Sandbox.syncIndex(home.home(), store);
        }
        var out = out();
        if (format == Format.json) {
            Output.json(out, r);
        } else {
            out.printf(
                    "Loaded mesh '%s' from %s into %s in %,d ms:%n",
                    r.mesh(), dir, store.location().describe(), r.millis());
            out.printf(
                    "  %d domains, %d products, %d contracts, %d policies, %d runbooks, %d incidents, "
                            + "%d observed records, %d events (%d already known)%n",
                    r.domains(),
                    r.products(),
                    r.contracts(),
                    r.policies(),
                    r.runbooks(),
                    r.incidents(),
                    r.observed(),
                    r.events(),
                    r.duplicateEvents());
            if (indexed != null) {
                out.printf(
                        "  search index: %d added, %d updated, %d deleted, %d unchanged (%,d ms)%n",
                        indexed.added(),
                        indexed.updated(),
                        indexed.deleted(),
                        indexed.unchanged(),
                        indexed.took().toMillis());
            }
        }
        return 0;
    }
}
