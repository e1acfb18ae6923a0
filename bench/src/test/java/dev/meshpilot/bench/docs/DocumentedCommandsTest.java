package dev.meshpilot.bench.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every command line the README and {@code docs/} show is in the smoke list that {@link DocumentedCommandsIT}
 * runs through the packaged jar (or is listed there as skipped, with the reason), so a documented command
 * cannot go untried.
 */
class DocumentedCommandsTest {
    static final Path ROOT = Path.of(System.getProperty("meshpilot.root", "../"));
    static final Set<String> COMMANDS = Set.of(
            "demo",
            "serve",
            "mcp",
            "load",
            "check",
            "ingest",
            "generate",
            "products",
            "product",
            "lineage",
            "incidents",
            "incident",
            "search",
            "index",
            "triage",
            "eval",
            "prompts",
            "sql",
            "audit",
            "bench",
            "agents",
            "anomalies",
            "migrate",
            "drift");

    @Test
    void should_find_the_documented_commands() {
        List<DocCommands.Documented> documented = DocCommands.in(ROOT, COMMANDS);

        assertThat(documented).extracting(d -> d.shape().command()).contains("demo", "triage", "eval", "sql", "mcp");
    }

    @Test
    void should_have_every_documented_command_in_the_smoke_list() {
        List<SmokeList.Entry> smoke = SmokeList.read();

        List<String> missing = DocCommands.in(ROOT, COMMANDS).stream()
                .filter(d -> smoke.stream().noneMatch(e -> e.shape().covers(d.shape())))
                .map(d -> d.where() + ": " + d.text() + "   (shape " + d.shape() + ")")
                .toList();

        assertThat(missing)
                .as("documented commands that bench/src/test/resources/smoke/commands.txt neither runs nor skips")
                .isEmpty();
    }

    @Test
    void should_read_a_command_shape_with_its_words_and_options() {
        DocCommands.Shape shape =
                DocCommands.shape(Tokens.split("audit tail --principal alice --tool=sql.query \"SELECT 1 --x\" -5"));

        assertThat(shape.command()).isEqualTo("audit tail");
        assertThat(shape.options()).containsExactly("--principal", "--tool");
    }
}
