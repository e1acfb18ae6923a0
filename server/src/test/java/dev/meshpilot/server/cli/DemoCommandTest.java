package dev.meshpilot.server.cli;

import static dev.meshpilot.server.cli.Cli.DEMO;
import static dev.meshpilot.server.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.server.cli.Cli.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshpilot demo} loads into the home every other command reads, and never replaces a user's mesh. */
class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void should_load_into_the_home_the_follow_up_commands_read_and_reload_on_a_second_run() {
        String home = tmp.resolve("home").toString();

        Run demo = run("demo", "--no-serve", "--home", home);
        Run triage = run("triage", "INC-1001", "--as", "alice", "--home", home);
        Run again = run("demo", "--no-serve", "--home", home);

        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains("Loaded the 'acme-retail' demo mesh into " + home)
                .contains("./meshpilot triage INC-1001 --as alice --home " + home)
                .contains("./meshpilot mcp --as alice --home " + home)
                .doesNotContain("curl"); // --no-serve: nothing listens
        assertThat(triage.exit()).as(triage.err()).isZero();
        assertThat(triage.out()).contains("# INC-1001 — SEV1");
        assertThat(again.exit()).as(again.err()).isZero();
    }

    @Test
    void should_refuse_to_replace_a_mesh_that_demo_did_not_load() {
        String home = tmp.resolve("mine").toString();
        assertThat(run("load", DEMO.toString(), "--home", home, "--no-index").exit())
                .isZero();

        Run demo = run("demo", "--no-serve", "--home", home);

        assertThat(demo.exit()).isEqualTo(2);
        assertThat(demo.err())
                .startsWith("error [usage]: " + home + " holds the mesh 'acme-retail', which 'meshpilot demo' did not "
                        + "load")
                .contains("--home DIR");
        assertThat(run("products", "--home", home).exit()).isZero();
    }

    @Test
    void should_suggest_commands_from_the_loaded_mesh_when_the_workspace_is_not_the_bundled_demo() {
        Path ws = tmp.resolve("generated");
        assertThat(run("generate", "--out", ws.toString(), "--products", "6", "--days", "2")
                        .exit())
                .isZero();
        String home = tmp.resolve("other").toString();

        Run demo = run("demo", "--no-serve", "--workspace", ws.toString(), "--home", home);

        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains("./meshpilot products --home " + home)
                .containsPattern("\\./meshpilot mcp --as [a-z-]+ --home ")
                .doesNotContain("alice", "INC-1001", "priya", "finance.revenue_daily", "seeded situations");
    }

    @Test
    void should_leave_out_home_in_hints_when_it_is_the_default_home() {
        assertThat(DemoHints.homeOption(HomeOptions.defaultHome())).isEmpty();
        assertThat(DemoHints.homeOption(tmp)).isEqualTo(" --home " + tmp);
    }
}
