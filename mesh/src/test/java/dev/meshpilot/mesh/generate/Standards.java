package dev.meshpilot.mesh.generate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared standards folder (system property {@code meshpilot.standards}) and skips when absent. */
final class Standards {
    private Standards() {}

    /** The file at {@code relative} in the standards folder; the calling test is skipped if it is absent. */
    static Path require(String relative) {
        String folder = System.getProperty("meshpilot.standards", "../../shared/standards");
        Path file = Path.of(folder).resolve(relative);
        assumeTrue(
                Files.isRegularFile(file),
                () -> "skipped: " + file.toAbsolutePath()
                        + " not found; the shared standards folder is expected beside the checkout"
                        + " (set -Dmeshpilot.standards=DIR)");
        return file;
    }
}
