package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.search.SyncResult;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.wiring.Sandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code meshpilot index rebuild|sync}: rebuilds the search index from the store, or brings it up to date. */
@Command(
        name = "index",
        mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the store ('rebuild'), or re-embed only what changed ('sync').")
final class IndexCommand extends StoreCommand {
    @Parameters(paramLabel = "ACTION", description = "rebuild or sync")
    String action;

    @Override
    public Integer call() {
        MeshStore store = home.openStore();
        try (Sandbox sandbox = Sandbox.open(home.home(), store)) {
            SyncResult r = switch (action) {
                case "rebuild" -> sandbox.index().rebuild(store);
                // not through sandbox.index(): that fills an empty index first, and this sync would say "unchanged"
                case "sync" -> Sandbox.syncIndex(home.home(), store);
                default ->
                    throw new picocli.CommandLine.ParameterException(
                            spec.commandLine(), "unknown action '" + action + "' (valid: rebuild, sync)");
            };
            if (format == Format.json) {
                Output.json(out(), r);
            } else {
                out().printf(
                                "Search index %s: %d added, %d updated, %d deleted, %d unchanged in %,d ms (%d documents)%n",
                                action,
                                r.added(),
                                r.updated(),
                                r.deleted(),
                                r.unchanged(),
                                r.took().toMillis(),
                                sandbox.index().count());
            }
            return 0;
        }
    }
}
