package dev.meshpilot.mesh.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times one large generation: 10,000 products, fan-in 100, one day (about 800,000 lineage edges). Not
 * part of the default suite (the class name matches no surefire include, and it needs a property); run
 * it with {@code mvn -o -pl mesh test -Dtest=WorkspaceGeneratorBench -Dmeshpilot.bench=true
 * -Dtest.argLine="-Xmx1g -XX:ActiveProcessorCount=2"}. It prints the time; it asserts no time.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "meshpilot.bench", matches = "true")
class WorkspaceGeneratorBench {
    @Test
    void should_generate_a_million_edge_mesh_when_asked_for_10000_products_at_fan_in_100(@TempDir Path temp) {
        GeneratorSpec spec = GeneratorSpec.of(10_000, 1, 42).withFanIn(100);
        long start = System.nanoTime();
        GenerateResult result = new WorkspaceGenerator().generate(spec, temp.resolve("mesh"), (stage, done, total) -> {
            if (done == total) {
                System.out.printf("  %-10s done after %s%n", stage, Duration.ofNanos(System.nanoTime() - start));
            }
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                "generate %s: %s in %s (max heap %d MB, %d cpus)%n",
                spec, result, took, rt.maxMemory() >> 20, rt.availableProcessors());
        assertThat(result.lineageEdges()).isGreaterThan(750_000);
        assertThat(result.events()).isEqualTo(20_000);
    }
}
