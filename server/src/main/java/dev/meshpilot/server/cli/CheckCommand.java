package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.workspace.Problem;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.server.config.ContractSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code meshpilot check DIR}: validates a workspace without loading it (for CI of workspace repos). It takes
 * {@code --home} like every command but reads nothing there; {@code --format json} prints {@code {"dir",
 * "valid", "problems"}} and still exits 2 when the workspace has problems.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Validate a workspace folder without loading it; exit 2 listing every problem.")
final class CheckCommand extends StoreCommand {
    @Parameters(paramLabel = "DIR", description = "The workspace folder (with meshpilot.yaml).")
    Path dir;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A YAML config file; its contracts.odcsSchema adds the official ODCS schema check.")
    Path config;

    @Override
    public Integer call() {
        List<String> problems = WorkspaceLoader.check(dir, ContractSettings.load(config, System.getenv())).stream()
                .map(Problem::toString)
                .toList();
        if (format == Format.json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("dir", dir.toString());
            result.put("valid", problems.isEmpty());
            result.put("problems", problems);
            Output.json(out(), result);
            return problems.isEmpty() ? 0 : ErrorCode.WORKSPACE_INVALID.exitCode();
        }
        if (!problems.isEmpty()) {
            throw new MeshpilotException(
                    ErrorCode.WORKSPACE_INVALID, dir + ": " + problems.size() + " problems", problems);
        }
        out().println(dir + ": valid");
        return 0;
    }
}
