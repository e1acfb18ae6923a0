package dev.meshpilot.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code meshpilot mcp}'s own parse of what an IDE passes, and when it leaves the arguments to picocli. */
class McpCommandTest {

    @Test
    void should_parse_what_an_ide_passes_in_either_form() {
        McpCommand spaced = McpCommand.direct(
                        new String[] {"mcp", "--as", "alice", "--home", "/h", "--config", "c.yaml", "--debug"})
                .orElseThrow();
        McpCommand joined = McpCommand.direct(new String[] {"mcp", "--home=/h", "--as=alice"})
                .orElseThrow();

        assertThat(spaced.principal).isEqualTo("alice");
        assertThat(spaced.home.home()).isEqualTo(Path.of("/h"));
        assertThat(spaced.config).isEqualTo(Path.of("c.yaml"));
        assertThat(spaced.debug).isTrue();
        assertThat(joined.principal).isEqualTo("alice");
        assertThat(joined.home.home()).isEqualTo(Path.of("/h"));
        assertThat(joined.config).isNull();
        assertThat(joined.debug).isFalse();
    }

    @Test
    void should_leave_help_typos_and_missing_values_to_picocli() {
        assertThat(McpCommand.direct(new String[] {"mcp", "--help"})).isEmpty();
        assertThat(McpCommand.direct(new String[] {"mcp", "--ass", "alice"})).isEmpty();
        assertThat(McpCommand.direct(new String[] {"mcp", "--as"})).isEmpty();
        assertThat(McpCommand.direct(new String[] {"mcp", "--as", "--home", "/h"}))
                .isEmpty();
        assertThat(McpCommand.direct(new String[] {"serve", "--as", "alice"})).isEmpty();
    }

    @Test
    void should_report_a_session_without_a_principal_as_picocli_would() {
        StringWriter err = new StringWriter();
        McpCommand command = McpCommand.direct(new String[] {"mcp", "--home", "/nonexistent-home"})
                .orElseThrow();

        int exit = MeshpilotCommand.run(command, new PrintWriter(err, true));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("error [usage]").contains("--as PRINCIPAL");
    }
}
