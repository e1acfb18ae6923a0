package dev.meshpilot.mesh.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.core.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageTest {
    @Test
    void should_read_only_earlier_distinct_products_when_lineage_is_planned() {
        Lineage lineage = Lineage.plan(11, 3_000, 8);
        for (int i = 0; i < lineage.size(); i++) {
            Set<Integer> seen = new HashSet<>();
            for (int k = 0; k < lineage.upstreamCount(i); k++) {
                int up = lineage.upstream(i, k);
                assertThat(up).isBetween(0, i - 1);
                assertThat(seen.add(up)).as("distinct upstreams of %d", i).isTrue();
            }
        }
    }

    @Test
    void should_mix_sources_fan_in_and_hubs_when_lineage_is_planned() {
        Lineage lineage = Lineage.plan(3, 5_000, 4);
        int sources = 0;
        long inputs = 0;
        int[] consumers = new int[lineage.size()];
        for (int i = 0; i < lineage.size(); i++) {
            sources += lineage.isSource(i) ? 1 : 0;
            inputs += lineage.upstreamCount(i);
            for (int k = 0; k < lineage.upstreamCount(i); k++) {
                consumers[lineage.upstream(i, k)]++;
            }
        }
        assertThat(sources).isBetween(900, 1_100);
        assertThat((double) inputs / (lineage.size() - sources)).isBetween(3.5, 4.5);
        assertThat(lineage.edges()).isEqualTo(inputs + lineage.size());
        assertThat(java.util.Arrays.stream(consumers).max().orElseThrow())
                .as("biggest hub")
                .isGreaterThan(100);
    }

    @Test
    void should_write_as_many_edges_as_reported_when_2000_products_read_20_each(@TempDir Path temp) throws IOException {
        Path ws = temp.resolve("mesh");
        GenerateResult result =
                new WorkspaceGenerator().generate(GeneratorSpec.of(2_000, 1, 5).withFanIn(20), ws, Progress.NONE);
        Set<String> edges = new HashSet<>();
        Map<String, Set<String>> reads = new HashMap<>();
        for (Path file : Tree.files(ws, "observed/events/*.ndjson")) {
            try (BufferedReader in = Files.newBufferedReader(file)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonNode e = Tree.JSON.readTree(line);
                    String job = e.at("/job/namespace").asText() + ":"
                            + e.at("/job/name").asText();
                    String output = dataset(e.at("/outputs/0"));
                    edges.add(job + " -> " + output);
                    for (JsonNode input : e.get("inputs")) {
                        edges.add(dataset(input) + " -> " + job);
                        reads.computeIfAbsent(output, o -> new HashSet<>()).add(dataset(input));
                    }
                }
            }
        }
        assertThat((long) edges.size()).isEqualTo(result.lineageEdges());
        assertThat(result.lineageEdges()).isGreaterThan(2_000L * 20 / 2);
        assertThat(hasCycle(reads)).as("lineage has a cycle").isFalse();
    }

    private static String dataset(JsonNode d) {
        return d.get("namespace").asText() + "/" + d.get("name").asText();
    }

    /** Kahn's algorithm over dataset → dataset edges (input read to produce output). */
    private static boolean hasCycle(Map<String, Set<String>> reads) {
        Map<String, Integer> pending = new HashMap<>();
        Map<String, Set<String>> consumers = new HashMap<>();
        reads.forEach((out, ins) -> {
            pending.merge(out, ins.size(), Integer::sum);
            ins.forEach(in -> {
                pending.putIfAbsent(in, 0);
                consumers.computeIfAbsent(in, x -> new HashSet<>()).add(out);
            });
        });
        Deque<String> ready = new ArrayDeque<>();
        pending.forEach((d, n) -> {
            if (n == 0) {
                ready.add(d);
            }
        });
        int visited = 0;
        while (!ready.isEmpty()) {
            String d = ready.poll();
            visited++;
            for (String c : consumers.getOrDefault(d, Set.of())) {
                if (pending.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        return visited != pending.size();
    }
}
