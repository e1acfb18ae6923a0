package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.ledger.RecordedRun;
import dev.meshpilot.mesh.ledger.RunLedger;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code meshpilot drift runs}: the recorded drift runs, newest first, with their headline. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List recorded drift runs, newest first.")
final class DriftRunsCommand extends StoreCommand {
    @Option(names = "--scope", paramLabel = "SCOPE", description = "Only runs over this scope.")
    String scope;

    @Option(names = "--limit", defaultValue = "20", description = "How many (default 20).")
    int limit;

    @Override
    public Integer call() {
        List<RecordedRun> runs = new RunLedger(home.openStore()).list("drift", scope, limit);
        if (format == Format.json) {
            Output.json(out(), runs);
        } else if (runs.isEmpty()) {
            out().println("No recorded drift runs" + (scope == null ? "" : " over " + scope)
                    + ": run meshpilot drift first.");
        } else {
            Output.table(
                    out(),
                    List.of("RUN", "SCOPE", "FINISHED", "TRIGGER", "AS", "RESULT"),
                    runs.stream()
                            .map(r -> List.of(
                                    r.id(),
                                    r.scope(),
                                    r.finishedAt().toString(),
                                    r.trigger(),
                                    r.principal(),
                                    String.valueOf(r.headline())))
                            .toList());
        }
        out().flush();
        return 0;
    }
}
