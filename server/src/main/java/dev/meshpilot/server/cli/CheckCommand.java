package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.workspace.Problem;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.server.config.ContractSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshpilot check DIR}: validates a workspace without loading it (for CI of workspace repos). */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Validate a workspace folder without loading it; exit 2 listing every problem.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The workspace folder (with meshpilot.yaml).")
    Path dir;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A YAML config file; its contracts.odcsSchema adds the official ODCS schema check.")
    Path config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Problem> problems = WorkspaceLoader.check(dir, ContractSettings.load(config, System.getenv()));
        if (!problems.isEmpty()) {
            throw new MeshpilotException(
                    ErrorCode.WORKSPACE_INVALID,
                    dir + ": " + problems.size() + " problems",
                    problems.stream().map(Problem::toString).toList());
        }
        spec.commandLine().getOut().println(dir + ": valid");
        return 0;
    }
}
