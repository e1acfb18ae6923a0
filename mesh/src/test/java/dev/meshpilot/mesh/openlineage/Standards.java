package dev.meshpilot.mesh.openlineage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The OpenLineage material of the shared standards folder, read in place (never copied into the project).
 * The folder comes from the system property {@code meshpilot.standards} (set by surefire); a test that needs
 * it is skipped, with a message, when it is absent.
 */
final class Standards {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{ *any\\(result\\) *}}");

    private Standards() {}

    static Path openLineage() {
        String property = System.getProperty("meshpilot.standards");
        Path dir = property == null ? null : Path.of(property).resolve("openlineage");
        assumeTrue(dir != null && Files.isDirectory(dir), "shared standards folder not found at " + dir + ": skipping");
        return dir;
    }

    /** The valid examples: {@code 01..12_*.json}. */
    static List<Path> valid() {
        return list(openLineage());
    }

    /** The events that must be refused: {@code invalid/13..15_*.json}. */
    static List<Path> invalid() {
        return list(openLineage().resolve("invalid"));
    }

    /**
     * The text of a fixture with the {@code {{ any(result) }}} placeholders of the dbt fixtures replaced, as
     * their README asks, by a distinct UUID each (they stand for run ids and a version string).
     */
    static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder sb = new StringBuilder();
            int n = 0;
            while (m.find()) {
                String seed = file.getFileName() + "#" + n++;
                m.appendReplacement(
                        sb,
                        UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8))
                                .toString());
            }
            return m.appendTail(sb).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunEvent parse(Path file) {
        return RunEventParser.parse(read(file));
    }

    static Path fixture(String prefix) {
        return valid().stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fixture " + prefix + "_*.json"));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
