package dev.meshpilot.server.cli;

import dev.meshpilot.core.MeshpilotException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
        description = "An agentic copilot server for data mesh operations.")
public final class MeshpilotCommand implements Runnable {
    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
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
            BenchCommand.class);

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
            Optional<McpCommand> mcp = McpCommand.direct(args);
            if (mcp.isPresent()) {
                return run(mcp.get(), err);
            }
            return commandLine(out, err, args.length > 0 ? args[0] : null).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs {@code command} as picocli would: a {@link MeshpilotException} becomes a message and an exit code. */
    static int run(Callable<Integer> command, PrintWriter err) {
        try {
            return command.call();
        } catch (MeshpilotException e) {
            return report(e, err);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int report(MeshpilotException e, PrintWriter err) {
        err.println("error [" + e.code().wireName() + "]: " + e.getMessage());
        e.details().forEach(d -> err.println("  " + d));
        err.flush();
        return e.code().exitCode();
    }

    /** The configured command line, writing to {@code out} and {@code err}; tests use it directly. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * The command line for arguments starting with {@code first}. When {@code first} names a subcommand only
     * that one is registered: picocli builds the model of every registered command by reflection up front,
     * which on a cold JVM took 0.7 s for all of them, and {@code meshpilot mcp}, started by an IDE for every
     * session, should not pay for the other commands. Anything else (help, a typo) gets them all.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String first) {
        CommandLine cl = new CommandLine(new MeshpilotCommand());
        Class<?> only = COMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(first))
                .findFirst()
                .orElse(null);
        if (only != null) {
            cl.addSubcommand(only);
        } else {
            COMMANDS.forEach(cl::addSubcommand);
            PlannedCommand.registerAll(cl);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof MeshpilotException m) {
                return report(m, line.getErr());
            }
            throw e;
        });
        return cl;
    }
}
