package dev.meshpilot.server.cli;

import dev.meshpilot.agents.Agents;
import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.catalog.Catalog;
import dev.meshpilot.core.MeshpilotException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code meshpilot} command. {@link #run} parses the arguments, runs the subcommand and
 * turns a {@link MeshpilotException} into a message on stderr and the exit code of its error code (2 for
 * usage and input errors, naming file, line and field). Anything else is a defect: one line on stderr, the
 * stack trace in the home's log or, with {@code --debug}, on stderr, and exit 3 ({@link Failures}).
 */
@Command(
        name = "meshpilot",
        mixinStandardHelpOptions = true,
        version = MeshpilotCommand.VERSION,
        description = "An agentic copilot server for data mesh operations.",
        footer = {
            "",
            "Exit codes: 0 done; 1 a check failed (eval gate, audit verify);",
            "  2 a usage or input error, or no mesh loaded;",
            "  3 an unexpected failure (details in <home>/logs/meshpilot.log, or with --debug)."
        })
public final class MeshpilotCommand implements Runnable {
    static final String VERSION = "meshpilot 0.1.0";

    /** The subcommands before the agents, in the order help lists them. */
    private static final List<Class<?>> BEFORE_AGENTS = List.of(
            DemoCommand.class,
            ServeCommand.class,
            McpCommand.class,
            LoadCommand.class,
            CheckCommand.class,
            IngestCommand.class,
            AlertCommand.class,
            GenerateCommand.class,
            ProductsCommand.class,
            ProductCommand.class,
            LineageCommand.class,
            IncidentsCommand.class,
            IncidentCommand.class,
            SearchCommand.class,
            IndexCommand.class);

    /** The subcommands after the agents (one per catalog entry) and {@code agents}. */
    private static final List<Class<?>> AFTER_AGENTS = List.of(
            EvalCommand.class,
            PromptsCommand.class,
            SqlCommand.class,
            ChatPreviewCommand.class,
            AuditCommand.class,
            CompanionCommand.class,
            SchedulesCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = Failures.DEBUG_OPTION,
            scope = ScopeType.INHERIT,
            description = "Print the stack trace of an unexpected failure on stderr (also MESHPILOT_DEBUG=1).")
    boolean debug;

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
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // thrown outside a command's call (picocli building its model, a class that does not initialize)
            boolean debug = List.of(args).contains(Failures.DEBUG_OPTION);
            return Failures.report(e, args.length > 0 ? args[0] : "", HomeOptions.defaultHome(), debug, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Runs {@code mcp} as picocli would run a command: a {@link MeshpilotException} becomes a message and an exit
     * code, anything else one line and exit 3.
     */
    static int run(McpCommand command, PrintWriter err) {
        try {
            return command.call();
        } catch (MeshpilotException e) {
            return report(e, err);
        } catch (Exception | LinkageError | AssertionError e) {
            return Failures.report(e, "mcp", command.home.home(), command.debug, err);
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
        return commandLine(out, err, first, Agents.catalog());
    }

    /**
     * The command line with a command per agent of {@code catalog} ({@code meshpilot triage ...}) and
     * {@code meshpilot agents} listing them; tests pass a catalog of their own.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String first, Catalog catalog) {
        CommandLine cl = new CommandLine(new MeshpilotCommand());
        Class<?> only = Stream.concat(BEFORE_AGENTS.stream(), AFTER_AGENTS.stream())
                .filter(c -> c.getAnnotation(Command.class).name().equals(first))
                .findFirst()
                .orElse(null);
        Optional<AgentDescriptor<?, ?>> agent = first == null ? Optional.empty() : catalog.find(first);
        if (only != null) {
            cl.addSubcommand(only);
        } else if (agent.isPresent()) {
            cl.addSubcommand(first, agentCommand(agent.get(), catalog));
        } else if ("agents".equals(first)) {
            cl.addSubcommand(new AgentsCommand(catalog));
        } else {
            BEFORE_AGENTS.forEach(cl::addSubcommand);
            catalog.agents().forEach(d -> cl.addSubcommand(d.name(), agentCommand(d, catalog)));
            cl.addSubcommand(new AgentsCommand(catalog));
            AFTER_AGENTS.forEach(cl::addSubcommand);
        }
        versions(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof MeshpilotException m) {
                return report(m, line.getErr());
            }
            return unexpected(e, parsed, line.getErr());
        });
        return cl;
    }

    /** The generic command of a catalog agent, or drift's own (optional scope, --fail-on, SARIF, recording). */
    private static CommandLine agentCommand(AgentDescriptor<?, ?> d, Catalog catalog) {
        if (d.name().equals("drift")) {
            CommandLine cl = new CommandLine(new DriftCommand(d, catalog));
            cl.getCommandSpec().usageMessage().description(d.summary());
            return cl;
        }
        return AgentCommand.of(d, catalog);
    }

    /** Every subcommand answers {@code -V} with the version too (picocli leaves theirs empty). */
    private static void versions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().version(VERSION);
            versions(sub);
        }
    }

    /** Reports a failure that is not a {@link MeshpilotException}, with the home and --debug of the command. */
    private static int unexpected(Exception e, ParseResult parsed, PrintWriter err) {
        List<String> names = new ArrayList<>();
        boolean debug = false;
        Path home = null;
        for (ParseResult r = parsed; r != null; r = r.hasSubcommand() ? r.subcommand() : null) {
            if (r != parsed) {
                names.add(r.commandSpec().name());
            }
            debug |= r.hasMatchedOption(Failures.DEBUG_OPTION);
            home = r.hasMatchedOption("--home") ? r.matchedOptionValue("--home", home) : home;
        }
        return Failures.report(e, String.join(" ", names), home != null ? home : HomeOptions.defaultHome(), debug, err);
    }
}
