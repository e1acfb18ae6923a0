package dev.meshpilot.server.cli;

import dev.meshpilot.core.MeshpilotException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code meshpilot} command. {@link #run} parses the arguments, runs the subcommand and
 * turns a {@link MeshpilotException} into a message on stderr and the exit code of its error code (2 for
 * usage and input errors, naming file, line and field).
 */
@Command(
        name = "meshpilot",
        mixinStandardHelpOptions = true,
        version = "meshpilot 0.1.0",
        description = "An agentic copilot server for data mesh operations.",
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            McpCommand.class,
            LoadCommand.class,
            CheckCommand.class,
            IngestCommand.class,
            GenerateCommand.class,
            ProductsCommand.class,
            ProductCommand.class,
            LineageCommand.class,
            IncidentsCommand.class,
            IncidentCommand.class,
            SearchCommand.class,
            IndexCommand.class,
            TriageCommand.class,
            EvalCommand.class,
            PromptsCommand.class,
            SqlCommand.class,
            AuditCommand.class,
            BenchCommand.class
        })
public final class MeshpilotCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return commandLine(out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured command line, writing to {@code out} and {@code err}; tests use it directly. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new MeshpilotCommand());
        PlannedCommand.registerAll(cl);
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
