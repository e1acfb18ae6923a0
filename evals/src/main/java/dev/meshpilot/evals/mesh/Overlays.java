package dev.meshpilot.evals.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies workspaces and applies a case's overlay (files added or replaced) and appendix (lists extended). */
final class Overlays {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Overlays() {}

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** Every file under {@code overlay} replaces or adds the file of the same path in {@code ws}. */
    static void apply(Path overlay, Path ws, Injections injections) {
        for (Path f : files(overlay)) {
            Path target = ws.resolve(overlay.relativize(f).toString());
            write(target, read(f, injections));
        }
    }

    /**
     * Every file under {@code append} extends the file of the same path in {@code ws}: YAML files by appending
     * each top-level list to the list of the same key, other files (NDJSON events, Markdown) line-wise.
     */
    static void append(Path append, Path ws, Injections injections) {
        for (Path f : files(append)) {
            Path target = ws.resolve(append.relativize(f).toString());
            String extra = read(f, injections);
            if (!Files.exists(target)) {
                write(target, extra);
            } else if (f.toString().matches(".*\\.ya?ml$")) {
                write(target, mergeYaml(target, f, extra));
            } else {
                String base = readPlain(target);
                write(target, base + (base.endsWith("\n") ? "" : "\n") + extra);
            }
        }
    }

    private static String mergeYaml(Path target, Path source, String extra) {
        try {
            ObjectNode base = (ObjectNode) YAML.readTree(readPlain(target));
            JsonNode add = YAML.readTree(extra);
            if (add == null || !add.isObject()) {
                throw new MeshpilotException(ErrorCode.USAGE, source + ": must be a YAML mapping of lists to append");
            }
            for (var e : add.properties()) {
                if (!e.getValue().isArray()) {
                    throw new MeshpilotException(
                            ErrorCode.USAGE, source + ": " + e.getKey() + ": must be a list to append to " + target);
                }
                JsonNode existing = base.get(e.getKey());
                ArrayNode list = existing instanceof ArrayNode a ? a : base.putArray(e.getKey());
                e.getValue().forEach(list::add);
            }
            return YAML.writeValueAsString(base);
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.USAGE, source + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    static String read(Path f, Injections injections) {
        String text = readPlain(f);
        return Injections.uses(text) ? injections.plant(text, f) : text;
    }

    private static String readPlain(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path f, String text) {
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a file under {@code overlay}'s {@code folder} replaces a file {@code ws} already has there. */
    static boolean replaces(Path overlay, Path ws, String folder) {
        if (overlay == null || !Files.isDirectory(overlay.resolve(folder))) {
            return false;
        }
        return files(overlay.resolve(folder)).stream()
                .anyMatch(f -> Files.exists(ws.resolve(overlay.relativize(f).toString())));
    }

    /** Deletes a copied SQLite store with its write-ahead log, so that a load starts from an empty store. */
    static void deleteStore(Path db) {
        try {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + db, e);
        }
    }

    static boolean plants(Path dir, Injections injections) {
        return dir != null && files(dir).stream().anyMatch(f -> Injections.uses(readPlain(f)));
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
