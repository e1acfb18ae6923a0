package dev.meshpilot.mesh.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The official ODCS examples, read in place: each against itself, and against a breaking mutation of itself. */
class OfficialExamplesDiffTest {
    static final Path EXAMPLES =
            Path.of(System.getProperty("meshpilot.standards", "../../shared/standards"), "odcs", "examples");

    static List<Path> examples() throws IOException {
        assumeTrue(Files.isDirectory(EXAMPLES), "shared standards folder not found at " + EXAMPLES + ": skipping");
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".odcs.yaml")).sorted().toList();
        }
    }

    static JsonNode read(Path p) throws IOException {
        return ContractDocument.read(Files.readString(p), p.getFileName().toString());
    }

    @Test
    void should_find_no_change_and_need_no_migration_when_an_example_meets_itself() throws IOException {
        for (Path p : examples()) {
            Diff d = ContractDiff.diff(read(p), read(p), RuleSettings.DEFAULTS);
            assertThat(d.changes()).as(p.getFileName().toString()).isEmpty();
            assertThat(d.migrationNeeded()).isFalse();
        }
    }

    @Test
    void should_call_removing_a_property_breaking_and_write_a_plan_that_verifies_for_every_example()
            throws IOException {
        int mutated = 0;
        for (Path p : examples()) {
            JsonNode old = read(p);
            ObjectNode neu = old.deepCopy();
            if (!(neu.path("schema").path(0).path("properties") instanceof ArrayNode props) || props.size() < 2) {
                continue;
            }
            props.remove(props.size() - 1);
            neu.put("version", "99.0.0");
            Diff d = ContractDiff.diff(old, neu, RuleSettings.DEFAULTS);
            String name = p.getFileName().toString();
            assertThat(d.changes()).as(name).extracting(Change::rule).contains("property-removed");
            assertThat(d.bumpSufficient()).as(name).isTrue();
            MigrationPlan plan = PlanWriter.write(d, old, neu, Dialect.SQLITE, o -> "t_" + o, "2030-01-01");
            Verification v =
                    ScratchVerifier.verify(d, old, neu, plan, o -> "t_" + o, java.util.Map.of(), List.of(), 50);
            assertThat(v.steps())
                    .as(name + ": " + v.steps())
                    .filteredOn(s -> !s.name().startsWith("new contract's"))
                    .extracting(Verification.Step::status)
                    .doesNotContain(Verification.Status.FAIL);
            mutated++;
        }
        assertThat(mutated).isGreaterThan(3);
    }
}
