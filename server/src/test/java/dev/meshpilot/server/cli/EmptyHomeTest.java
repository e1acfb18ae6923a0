package dev.meshpilot.server.cli;

import static dev.meshpilot.server.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.cli.Cli.Run;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that read a mesh, on a home where none is loaded: they say how to load one and create nothing. */
class EmptyHomeTest {
    @TempDir
    Path tmp;

    private static List<List<String>> readCommands(Path home, Path events) {
        List<List<String>> commands = List.of(
                List.of("products"),
                List.of("product", "finance.revenue_daily"),
                List.of("lineage", "finance.revenue_daily", "--upstream"),
                List.of("incidents", "--open"),
                List.of("incident", "INC-1001"),
                List.of("search", "revenue"),
                List.of("triage", "INC-1001", "--as", "alice"),
                List.of("sql", "--as", "alice", "SELECT 1"),
                List.of("audit", "tail"),
                List.of("audit", "verify"),
                List.of("index", "sync"),
                List.of("ingest", events.toString()),
                List.of("serve", "--port", "0"));
        List<List<String>> withHome = new ArrayList<>();
        for (List<String> c : commands) {
            List<String> args = new ArrayList<>(c);
            args.addAll(List.of("--home", home.toString()));
            withHome.add(args);
        }
        return withHome;
    }

    @Test
    void should_say_no_mesh_is_loaded_and_create_nothing_when_the_home_does_not_exist() throws IOException {
        Path home = tmp.resolve("never-loaded");
        Path events = Files.writeString(tmp.resolve("events.json"), "[]");

        for (List<String> args : readCommands(home, events)) {
            Run r = run(args.toArray(String[]::new));

            assertThat(r.exit()).as(args + ": " + r.err()).isEqualTo(2);
            assertThat(r.err())
                    .as(args.toString())
                    .isEqualTo("error [no_mesh]: no mesh is loaded at " + home + ": load one with 'meshpilot load DIR"
                            + " --home " + home + "' (DIR holds meshpilot.yaml) or try the demo with 'meshpilot demo"
                            + " --home " + home + "'\n");
            assertThat(home).as(args.toString()).doesNotExist();
        }
    }

    @Test
    void should_say_no_mesh_is_loaded_when_the_store_holds_none() {
        Path home = tmp.resolve("empty-store");
        MeshStore.open(home.resolve("meshpilot.db"));

        for (List<String> args : readCommands(home, tmp.resolve("events.json")).subList(0, 4)) {
            Run r = run(args.toArray(String[]::new));

            assertThat(r.exit()).as(args.toString()).isEqualTo(2);
            assertThat(r.err()).as(args.toString()).startsWith("error [no_mesh]: no mesh is loaded at " + home);
        }
    }

    @Test
    void should_fail_fast_on_stderr_and_create_nothing_when_mcp_starts_on_an_empty_home() {
        Path home = tmp.resolve("ide-before-load");
        StringWriter err = new StringWriter();
        McpCommand mcp = McpCommand.direct(new String[] {"mcp", "--as", "alice", "--home", home.toString()})
                .orElseThrow();

        int exit = MeshpilotCommand.run(mcp, new PrintWriter(err, true));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("error [no_mesh]: no mesh is loaded at " + home);
        assertThat(home).doesNotExist();
    }
}
