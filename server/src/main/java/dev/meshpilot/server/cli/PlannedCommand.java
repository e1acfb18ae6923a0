package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A command of the stable command-line contract (DESIGN.md) whose capability is not in this build. It
 * says so plainly, names the issue that brings it, and exits 2, so scripts can rely on the name today.
 */
@Command(mixinStandardHelpOptions = true)
final class PlannedCommand implements Callable<Integer> {
    private record Plan(String name, String description, String issue) {}

    private static final List<Plan> PLANS = List.of(
            new Plan("anomalies", "Summarize anomalies in a product, a domain or the mesh.", "issue #15"),
            new Plan("migrate", "Draft a migration from a contract change.", "issue #17"),
            new Plan("drift", "Detect policy drift between declared and observed state.", "issue #18"));

    private final Plan plan;

    @Parameters(arity = "0..*", hidden = true)
    List<String> args;

    private PlannedCommand(Plan plan) {
        this.plan = plan;
    }

    static void registerAll(CommandLine cl) {
        for (Plan plan : PLANS) {
            if (cl.getSubcommands().containsKey(plan.name())) {
                continue; // the agent arrived: the catalog registered it
            }
            CommandLine sub = new CommandLine(new PlannedCommand(plan));
            sub.getCommandSpec()
                    .usageMessage()
                    .description(plan.description() + " (Not in this build: " + plan.issue() + ".)");
            sub.setUnmatchedOptionsArePositionalParams(true);
            cl.addSubcommand(plan.name(), sub);
        }
    }

    @Override
    public Integer call() {
        throw new MeshpilotException(
                ErrorCode.NOT_AVAILABLE,
                "'meshpilot " + plan.name()
                        + "' is part of the command-line contract but not of this build; it arrives with "
                        + plan.issue());
    }
}
