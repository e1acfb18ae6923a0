package dev.meshpilot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code meshpilot bench} answers before any benchmark runs. */
class BenchMainTest {

    @Test
    void should_list_every_benchmark_and_the_conformance_server_in_help() {
        StringWriter out = new StringWriter();

        int exit = BenchMain.commandLine(false, new PrintWriter(out), new PrintWriter(new StringWriter()))
                .execute("--help");

        assertThat(exit).isZero();
        String help = out.toString().replaceAll("\\s+", " "); // picocli wraps the description at 80 columns
        assertThat(help)
                .contains("Usage: meshpilot bench")
                .contains("'triage' (playbook triage latency)", "'drift'", "'anomalies'", "'migrate'", "or 'mcp'")
                .contains("'meshpilot bench conformance --help': the MCP conformance server");
    }

    @Test
    void should_name_the_valid_benchmarks_when_given_an_unknown_one() {
        StringWriter err = new StringWriter();

        int exit = BenchMain.commandLine(false, new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("nope", "--work", System.getProperty("java.io.tmpdir"));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown benchmark 'nope'").contains("load, ingest, search");
    }

    @Test
    void should_say_in_one_line_how_to_install_the_reference_server_when_bench_mcp_lacks_it(@TempDir Path tmp) {
        StringWriter err = new StringWriter();

        int exit = BenchMain.commandLine(false, new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("mcp", "--node", tmp.resolve("node").toString(), "--reference", tmp.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("error [not_found]: the reference server is not installed", "npm install");
    }

    @Test
    void should_describe_the_conformance_server_in_its_help() {
        StringWriter out = new StringWriter();

        int exit = BenchMain.commandLine(true, new PrintWriter(out), new PrintWriter(new StringWriter()))
                .execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("Usage: meshpilot bench conformance")
                .contains("--stdio");
    }
}
