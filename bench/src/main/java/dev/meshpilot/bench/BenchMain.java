package dev.meshpilot.bench;

import dev.meshpilot.bench.conformance.ConformanceCommand;
import dev.meshpilot.core.MeshpilotException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The bench jar's entry point, run by the launcher for {@code meshpilot bench ...} with the arguments after
 * {@code bench}: {@code conformance ...} starts the MCP conformance server, anything else is a benchmark. A
 * {@link MeshpilotException} becomes one line on stderr and the exit code of its error code, as in the product.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) {
        dev.meshpilot.server.Main.offline();
        System.exit(run(args));
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            boolean conformance = args.length > 0 && "conformance".equals(args[0]);
            return commandLine(conformance, out, err)
                    .execute(conformance ? Arrays.copyOfRange(args, 1, args.length) : args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(boolean conformance, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(conformance ? new ConformanceCommand() : new BenchCommand());
        cl.setCommandName(conformance ? "meshpilot bench conformance" : "meshpilot bench");
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof MeshpilotException m) {
                line.getErr().println("error [" + m.code().wireName() + "]: " + m.getMessage());
                m.details().forEach(d -> line.getErr().println("  " + d));
                line.getErr().flush();
                return m.code().exitCode();
            }
            throw e;
        });
        return cl;
    }
}
