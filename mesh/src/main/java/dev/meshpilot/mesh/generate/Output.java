package dev.meshpilot.mesh.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the files of a workspace under one root and counts them: YAML documents through Jackson's
 * {@link YAMLMapper} (block style, quotes only where needed, {@code \n} line breaks, no line splitting),
 * text files, and files written elsewhere (the event streams) once they are closed. Thread-safe: files
 * may be written from several threads.
 */
final class Output {
    private static final ObjectWriter YAML = new YAMLMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .writer();

    private final Path root;
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    Output(Path root) {
        this.root = root;
    }

    /** A document (maps, lists, strings, numbers, booleans) as YAML text. */
    static String yaml(Object document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render YAML: " + e.getOriginalMessage(), e);
        }
    }

    void yaml(String relative, Object document) {
        text(relative, yaml(document));
    }

    void text(String relative, String content) {
        Path file = file(relative);
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(file, data);
        } catch (IOException e) {
            throw failed(file, e);
        }
        files.incrementAndGet();
        bytes.addAndGet(data.length);
    }

    /** The path of {@code relative} under the root, its folder created (once: thousands share a folder). */
    Path file(String relative) {
        Path file = root.resolve(relative);
        folders.computeIfAbsent(file.getParent(), folder -> {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw failed(folder, e);
            }
            return Boolean.TRUE;
        });
        return file;
    }

    /** Counts a file written and closed by someone else. */
    void counted(Path file) {
        try {
            bytes.addAndGet(Files.size(file));
        } catch (IOException e) {
            throw failed(file, e);
        }
        files.incrementAndGet();
    }

    long files() {
        return files.get();
    }

    long bytes() {
        return bytes.get();
    }

    static MeshpilotException failed(Path file, IOException e) {
        return new MeshpilotException(
                ErrorCode.USAGE, "cannot write " + file + ": " + e + " (check the output folder)", e);
    }
}
