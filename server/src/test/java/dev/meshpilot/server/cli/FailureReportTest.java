package dev.meshpilot.server.cli;

import static dev.meshpilot.server.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.server.cli.Cli.Run;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** What a user sees when something fails: one line with an error code, never a stack trace unless asked. */
class FailureReportTest {
    @TempDir
    Path tmp;

    /** A command with a defect. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Mixin
        HomeOptions home;

        @Override
        public Integer call() {
            throw new IllegalStateException("kaput\nsecond line");
        }
    }

    private static Run runBoom(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = MeshpilotCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cl.addSubcommand(new Boom());
        cl.setErr(new PrintWriter(err, true)); // reaches the subcommand added last

        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void should_print_one_line_and_log_the_stack_trace_under_the_home_when_a_command_has_a_defect() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));

        Run r = runBoom("boom", "--home", home.toString());

        Path log = home.resolve("logs/meshpilot.log");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err())
                .startsWith("error [internal]: meshpilot boom failed unexpectedly (IllegalStateException: kaput)")
                .contains("details in " + log)
                .contains("--debug");
        assertThat(Files.readString(log)).contains("meshpilot boom failed", "kaput", "at dev.meshpilot.server.cli");
        runBoom("boom", "--home", home.toString());
        assertThat(Files.readString(log).split("meshpilot boom failed", -1)).hasSize(3); // appended
    }

    @Test
    void should_print_the_stack_trace_on_stderr_with_debug_before_or_after_the_command() {
        Path home = tmp.resolve("no-such-home");

        Run after = runBoom("boom", "--home", home.toString(), "--debug");
        Run before = runBoom("--debug", "boom", "--home", home.toString());

        for (Run r : new Run[] {after, before}) {
            assertThat(r.exit()).isEqualTo(3);
            assertThat(r.err()).contains("error [internal]", "kaput", "at dev.meshpilot.server.cli");
        }
        assertThat(home).doesNotExist();
    }

    @Test
    void should_log_to_the_temp_folder_and_create_no_home_when_the_home_does_not_exist() {
        Path home = tmp.resolve("absent");

        assertThat(Failures.logFile(home).getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(home).doesNotExist();
    }

    @Test
    void should_report_an_unreadable_store_in_one_line_with_exit_3() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("corrupt"));
        Files.writeString(home.resolve("meshpilot.db"), "not a database");

        Run r = run("products", "--home", home.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("error [internal]", "SQLITE_NOTADB", "logs/meshpilot.log");
    }

    @Test
    void should_report_a_session_that_fails_to_open_in_one_line_over_stdio() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("corrupt-mcp"));
        Files.writeString(home.resolve("meshpilot.db"), "not a database");
        StringWriter err = new StringWriter();
        McpCommand mcp = McpCommand.direct(new String[] {"mcp", "--as", "alice", "--home", home.toString()})
                .orElseThrow();
        var stdin = System.in;
        var stdout = System.out; // mcp points System.out at stderr for the protocol's sake
        try {
            System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
            assertThat(MeshpilotCommand.run(mcp, new PrintWriter(err, true))).isEqualTo(3);
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("error [internal]: meshpilot mcp failed unexpectedly");
    }

    @Test
    void should_name_the_known_prompts_when_asked_for_one_that_does_not_exist() {
        Run version = run("prompts", "triage@v99");
        Run agent = run("prompts", "nosuch");

        assertThat(version.exit()).isEqualTo(2);
        assertThat(version.err())
                .isEqualTo("error [not_found]: no prompt triage@v99; versions: [triage@v1] "
                        + "(list them with 'meshpilot prompts')\n");
        assertThat(agent.exit()).isEqualTo(2);
        assertThat(agent.err())
                .contains("error [not_found]: no prompt 'nosuch'; prompts: [")
                .contains("triage");
    }

    @Test
    void should_say_in_one_line_where_the_benchmarks_are_when_the_product_jar_is_asked_for_one() {
        Run r = run("bench", "load", "--products", "50");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err())
                .startsWith("error [usage]: the benchmarks are not in the product jar")
                .contains("'./meshpilot bench load --products 50'", "bench/target/meshpilot-bench.jar");
    }

    @Test
    void should_print_the_version_for_every_command() {
        assertThat(run("-V").out()).isEqualTo("meshpilot 0.1.0\n");
        assertThat(run("products", "-V").out()).isEqualTo("meshpilot 0.1.0\n");
        assertThat(run("audit", "tail", "--version").out()).isEqualTo("meshpilot 0.1.0\n");
    }
}
