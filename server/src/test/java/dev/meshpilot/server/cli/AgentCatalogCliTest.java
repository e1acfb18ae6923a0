package dev.meshpilot.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.agents.catalog.Catalog;
import dev.meshpilot.server.agents.EchoAgent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog entry is a command: an agent registered in a test catalog runs from the CLI with no server code. */
class AgentCatalogCliTest {
    private static final Catalog CATALOG = EchoAgent.catalog();

    @TempDir
    Path home;

    static Cli.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MeshpilotCommand.commandLine(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        args.length > 0 ? args[0] : null,
                        CATALOG)
                .execute(args);
        return new Cli.Run(exit, out.toString(), err.toString());
    }

    @Test
    void should_list_a_catalog_agent_in_help_and_in_agents_when_a_test_catalog_registers_it() {
        Cli.Run help = run("--help");
        assertThat(help.out()).contains("triage", "echo", "Echo a data product (a test agent).", "agents");

        Cli.Run agents = run("agents");
        assertThat(agents.exit()).isZero();
        assertThat(agents.out())
                .contains("triage", "meshpilot triage INCIDENT", "triage_incident")
                .contains("echo", "meshpilot echo PRODUCT", "echo_product, prompt echo-product");

        Cli.Run json = run("agents", "--format", "json");
        assertThat(json.out()).contains("\"mcpTool\" : \"echo_product\"");
    }

    @Test
    void should_give_an_agent_command_its_input_and_the_shared_options_when_made_from_a_descriptor() {
        Cli.Run help = run("echo", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out())
                .contains("Usage: meshpilot echo", "PRODUCT", "The product id, e.g. orders.orders.")
                .contains("--as=PRINCIPAL", "Whom the echo runs for", "--mode", "--prompt=REF", "triage@v1");
    }

    @Test
    void should_run_a_test_agent_and_report_not_found_with_its_code_when_the_input_is_unknown() throws Exception {
        Files.createDirectories(home);
        assertThat(Cli.run("load", Cli.DEMO.toString(), "--home", home.toString(), "--no-index")
                        .exit())
                .isZero();

        Cli.Run ok = run("echo", "orders.order_events", "--as", "alice", "--home", home.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("# orders.order_events ok", "Mode: playbook", "1 tool calls");

        Cli.Run json =
                run("echo", "orders.order_events", "--as", "alice", "--home", home.toString(), "--format", "json");
        assertThat(json.out()).contains("\"ranAs\" : \"playbook\"", "\"fallbackReason\" : null");

        Cli.Run missing = run("echo", "nope.nothing", "--as", "alice", "--home", home.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("error [not_found]");
    }
}
