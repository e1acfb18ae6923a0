package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code meshpilot bench}, listed in help but not in this jar: the benchmarks (and the MCP conformance server)
 * live in the bench module's own jar, which the {@code ./meshpilot} launcher runs for {@code meshpilot bench
 * ...}. Reached only when this jar is started directly; it says where the command is and exits 2.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a benchmark (load, ingest, search, lineage, triage, mcp) or the MCP conformance server: "
                + "see meshpilot bench --help. The launcher runs these from the bench module's own jar.")
final class CompanionCommand implements Callable<Integer> {
    static final String JAR = "bench/target/meshpilot-bench.jar";

    @Unmatched
    List<String> args;

    @Override
    public Integer call() {
        throw new MeshpilotException(
                ErrorCode.USAGE,
                "the benchmarks are not in the product jar: run them with the launcher ('./meshpilot bench "
                        + String.join(" ", args == null ? List.of() : args)
                        + "') or with 'java -jar " + JAR + " ...' after building (./meshpilot build)");
    }
}
