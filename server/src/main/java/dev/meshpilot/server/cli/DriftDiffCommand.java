package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.ledger.RecordedFinding;
import dev.meshpilot.mesh.ledger.RunDiff;
import dev.meshpilot.mesh.ledger.RunLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code meshpilot drift diff FROM TO}: what appeared, disappeared or changed level between two recorded runs. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = "Compare two recorded drift runs by fingerprint (ids from meshpilot drift runs).")
final class DriftDiffCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "FROM", description = "The earlier run, e.g. drift-1.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The later run, e.g. drift-2.")
    String to;

    @Override
    public Integer call() {
        RunLedger ledger = new RunLedger(home.openStore());
        for (String id : new String[] {from, to}) {
            if (ledger.get(id).isEmpty()) {
                throw new MeshpilotException(
                        ErrorCode.NOT_FOUND, "no recorded run " + id + ": see meshpilot drift runs");
            }
        }
        RunDiff diff = RunDiff.of(from, ledger.findings(from), to, ledger.findings(to));
        if (format == Format.json) {
            Output.json(out(), diff);
        } else {
            out().println(from + " → " + to + ": " + diff.appeared().size() + " appeared, "
                    + diff.disappeared().size() + " disappeared, "
                    + diff.changed().size() + " changed");
            diff.appeared().forEach(f -> out().println("+ " + line(f)));
            diff.disappeared().forEach(f -> out().println("- " + line(f)));
            diff.changed()
                    .forEach(c -> out().println("~ " + line(c.after()) + " (was "
                            + c.before().level() + ", " + c.before().state() + ")"));
        }
        out().flush();
        return 0;
    }

    private static String line(RecordedFinding f) {
        return "[" + f.level() + ", " + f.state() + "] " + f.title() + " (" + f.fingerprint() + ")";
    }
}
