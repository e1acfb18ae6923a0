package dev.meshpilot.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.server.cli.Cli.Run;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshpilot eval} as a user runs it: --home, --format, a missing model, a clone without ../shared. */
class EvalCommandTest {
    @TempDir
    Path tmp;

    @Test
    void should_keep_its_scratch_meshes_under_home_and_print_markdown_when_given_home_and_format_md() {
        Path home = tmp.resolve("home");

        Run r = Cli.run(
                "eval",
                "--suite",
                "triage@1",
                "--case",
                "nightly-load-stopped",
                "--home",
                home.toString(),
                "--format",
                "md");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("# Eval triage@1 (agent triage) — PASSED");
        assertThat(home.resolve("eval-tmp")).doesNotExist(); // made during the run, removed after
        assertThat(home.resolve("meshpilot.db")).doesNotExist(); // the home's own mesh is not touched
    }

    @Test
    void should_exit_2_at_once_naming_the_url_when_the_live_model_accepts_no_connection() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = tmp.resolve("model.yaml");
        Files.writeString(
                config,
                "model:\n  provider: openai\n  baseUrl: http://127.0.0.1:" + port + "/v1\n  name: nothing-here\n");

        Run r = Cli.run(
                "eval", "--suite", "triage@1", "--mode", "live", "--repeat", "5", "--config", config.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("http://127.0.0.1:" + port + "/v1 cannot be reached")
                .contains("no case was run");
        assertThat(r.out()).doesNotContain("PASSED");
    }

    @Test
    void should_skip_the_cases_that_plant_injections_and_say_so_when_the_shared_corpus_is_absent() {
        Run r = Cli.run(
                "eval",
                "--suite",
                "triage@1",
                "--case",
                "nightly-load-stopped,second-page-for-load",
                "--standards",
                tmp.resolve("no-standards").toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("1 skipped (needs the shared injection corpus, not found at ")
                .contains("`second-page-for-load`");
    }
}
