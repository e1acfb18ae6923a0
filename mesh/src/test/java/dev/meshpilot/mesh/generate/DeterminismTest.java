package dev.meshpilot.mesh.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    @TempDir
    Path temp;

    private String generate(String dir, GeneratorSpec spec) {
        Path ws = temp.resolve(dir);
        new WorkspaceGenerator().generate(spec, ws, Progress.NONE);
        return Tree.hash(ws);
    }

    @Test
    void should_write_identical_bytes_when_the_spec_is_the_same() {
        GeneratorSpec spec = GeneratorSpec.of(120, 3, 42);
        assertThat(generate("first", spec)).isEqualTo(generate("second", spec));
    }

    @Test
    void should_write_a_different_mesh_when_the_seed_differs() {
        assertThat(generate("a", GeneratorSpec.of(30, 2, 1))).isNotEqualTo(generate("b", GeneratorSpec.of(30, 2, 2)));
    }

    @Test
    void should_write_a_different_mesh_when_fan_in_or_as_of_differ() {
        GeneratorSpec spec = GeneratorSpec.of(30, 2, 1);
        String base = generate("base", spec);
        assertThat(generate("fan", spec.withFanIn(5))).isNotEqualTo(base);
        assertThat(generate("clock", spec.withAsOf(spec.asOf().plusSeconds(3600))))
                .isNotEqualTo(base);
    }
}
