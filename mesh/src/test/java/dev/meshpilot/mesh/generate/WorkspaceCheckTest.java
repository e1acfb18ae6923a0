package dev.meshpilot.mesh.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated workspace passes the same checks {@code meshpilot load} runs before writing anything. */
class WorkspaceCheckTest {
    @Test
    void should_pass_the_workspace_checks_when_a_mesh_is_generated(@TempDir Path temp) {
        Path ws = temp.resolve("mesh");
        new WorkspaceGenerator().generate(GeneratorSpec.of(150, 2, 3).withFanIn(4), ws, Progress.NONE);
        assertThat(WorkspaceLoader.check(ws)).isEmpty();
    }
}
