package dev.meshpilot.mesh.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.core.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticMetricsTest {
    @TempDir
    Path tmp;

    @Test
    void should_inject_every_kind_after_the_history_and_spread_it_to_primary_consumers() {
        SyntheticMetrics m = SyntheticMetrics.of(GeneratorSpec.of(500, 90, 7), 50);
        assertThat(m.truth()).hasSize(50);
        assertThat(m.truth()).extracting(Injections.Truth::kind).containsAll(Injections.KINDS);
        assertThat(m.truth()).allSatisfy(t -> assertThat(t.day()).isGreaterThanOrEqualTo(30));
        assertThat(m.truth()).anySatisfy(t -> assertThat(t.hops()).contains(1));
        Injections.Truth drop = m.truth().stream()
                .filter(t -> t.kind().equals("drop"))
                .findFirst()
                .orElseThrow();
        int root = index(m, drop.root());
        double before = m.value(SyntheticMetrics.ROW_COUNT, root, drop.day() - 7);
        assertThat(m.value(SyntheticMetrics.ROW_COUNT, root, drop.day())).isLessThan(before * 0.6);
    }

    @Test
    void should_inject_nothing_on_a_clean_mesh_and_be_the_same_for_the_same_spec() {
        SyntheticMetrics clean = SyntheticMetrics.of(GeneratorSpec.of(100, 60, 3), 0);
        assertThat(clean.truth()).isEmpty();
        SyntheticMetrics again = SyntheticMetrics.of(GeneratorSpec.of(100, 60, 3), 0);
        assertThat(again.value(SyntheticMetrics.NULL_RATE, 42, 17))
                .isEqualTo(clean.value(SyntheticMetrics.NULL_RATE, 42, 17));
    }

    @Test
    void should_write_the_injected_metrics_into_the_events_and_the_ground_truth_beside_them() throws IOException {
        Path ws = tmp.resolve("ws");
        new WorkspaceGenerator().generate(GeneratorSpec.of(20, 40, 5), ws, Progress.NONE, 4);
        JsonNode truth = new ObjectMapper()
                .readTree(ws.resolve("observed/anomalies-truth.json").toFile());
        assertThat(truth.path("anomalies")).hasSize(4);
        assertThat(truth.at("/anomalies/0/root").asText()).contains(".");
        try (Stream<Path> files = Files.list(ws.resolve("observed/events"))) {
            String day = Files.readString(files.sorted().toList().getLast());
            assertThat(day).contains("\"dataQualityMetrics\"").contains("\"nullCount\"");
        }
    }

    private static int index(SyntheticMetrics m, String id) {
        for (int p = 0; p < m.products(); p++) {
            if (m.id(p).equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
