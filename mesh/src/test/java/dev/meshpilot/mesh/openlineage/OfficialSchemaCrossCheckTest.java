package dev.meshpilot.mesh.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.core.MeshpilotException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our validation against the official JSON Schemas (read in place from the shared standards folder): for
 * every fixture and for targeted mutations of a valid event, the verdicts agree, except where Meshpilot
 * differs on purpose (docs/openlineage.md), and each such difference is pinned here:
 *
 * <ul>
 *   <li>Lenient: {@code schemaURL} and {@code producer} may be absent, a facet need not carry {@code _producer}
 *       and {@code _schemaURL}, JSON {@code null} means absent. Events are compared after {@link CrossCheckCases#lenient}
 *       fills these in, so the rest of each verdict is still compared.
 *   <li>Lenient: fixture 08 (accepted by Marquez) has {@code dataQualityMetrics} without {@code columnMetrics},
 *       which the facet schema requires; {@code errorMessage} without {@code programmingLanguage} likewise.
 *   <li>Stricter: the schema's formats ({@code uuid}, {@code date-time}) are annotations only in JSON Schema
 *       2020-12; Meshpilot enforces them, and non-empty namespaces and names.
 * </ul>
 */
class OfficialSchemaCrossCheckTest {
    private static final String KNOWN_DIFFERENCE = "08_";

    private static OfficialSchema official() {
        return new OfficialSchema(Standards.openLineage().resolve("spec"));
    }

    private static boolean oursAccepts(String json) {
        try {
            RunEventParser.parse(json);
            return true;
        } catch (MeshpilotException e) {
            return false;
        }
    }

    @TestFactory
    Stream<DynamicTest> should_agree_with_the_official_schema_when_judging_every_fixture() {
        OfficialSchema schema = official();
        List<Path> files = new ArrayList<>(Standards.valid());
        files.addAll(Standards.invalid());
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String text = Standards.read(file);
                    List<String> errors = schema.errors(CrossCheckCases.lenient(Events.JSON.readTree(text)));
                    if (file.getFileName().toString().startsWith(KNOWN_DIFFERENCE)) {
                        assertThat(oursAccepts(text))
                                .as("Meshpilot accepts 08, as Marquez does")
                                .isTrue();
                        assertThat(errors)
                                .as("the facet schema requires columnMetrics")
                                .isNotEmpty()
                                .allMatch(e -> e.contains("columnMetrics"));
                    } else {
                        assertThat(oursAccepts(text))
                                .as("our verdict; the schema says %s", errors)
                                .isEqualTo(errors.isEmpty());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> should_agree_with_the_official_schema_when_a_valid_event_is_broken_or_extended() {
        OfficialSchema schema = official();
        assertThat(schema.errors(CrossCheckCases.base())).isEmpty();
        return CrossCheckCases.mutations().entrySet().stream()
                .map(m -> DynamicTest.dynamicTest(m.getKey(), () -> {
                    ObjectNode event = CrossCheckCases.base();
                    m.getValue().accept(event);
                    boolean officialAccepts = schema.errors(event).isEmpty();
                    assertThat(oursAccepts(event.toString()))
                            .as("ours, official accepts: %s", officialAccepts)
                            .isEqualTo(officialAccepts);
                }));
    }

    @TestFactory
    Stream<DynamicTest> should_differ_from_the_official_schema_only_as_documented() {
        OfficialSchema schema = official();
        Map<String, Consumer<ObjectNode>> lenient = new LinkedHashMap<>();
        lenient.put("no schemaURL", e -> e.remove("schemaURL"));
        lenient.put("no producer", e -> e.remove("producer"));
        lenient.put("facet without _producer", e -> ((ObjectNode) e.at("/run/facets/parent")).remove("_producer"));
        lenient.put("null stackTrace", e -> ((ObjectNode) e.at("/run/facets/errorMessage")).putNull("stackTrace"));
        lenient.put(
                "no columnMetrics",
                e -> ((ObjectNode) e.at("/inputs/0/inputFacets/dataQualityMetrics")).remove("columnMetrics"));
        lenient.put(
                "no programmingLanguage",
                e -> ((ObjectNode) e.at("/run/facets/errorMessage")).remove("programmingLanguage"));
        Map<String, Consumer<ObjectNode>> stricter = new LinkedHashMap<>();
        stricter.put("runId not a UUID", e -> ((ObjectNode) e.get("run")).put("runId", "run-42"));
        stricter.put("eventTime not a date-time", e -> e.put("eventTime", "yesterday"));
        stricter.put("eventTime without offset", e -> e.put("eventTime", "2026-11-25T09:00:00"));
        stricter.put("empty job name", e -> ((ObjectNode) e.get("job")).put("name", ""));
        return Stream.concat(
                lenient.entrySet().stream()
                        .map(m -> DynamicTest.dynamicTest("lenient: " + m.getKey(), () -> {
                            ObjectNode event = CrossCheckCases.base();
                            m.getValue().accept(event);
                            assertThat(schema.errors(event)).isNotEmpty();
                            assertThat(oursAccepts(event.toString())).isTrue();
                        })),
                stricter.entrySet().stream()
                        .map(m -> DynamicTest.dynamicTest("stricter: " + m.getKey(), () -> {
                            ObjectNode event = CrossCheckCases.base();
                            m.getValue().accept(event);
                            assertThat(schema.errors(event)).isEmpty();
                            assertThat(oursAccepts(event.toString())).isFalse();
                        })));
    }
}
