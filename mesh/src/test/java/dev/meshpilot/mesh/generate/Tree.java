package dev.meshpilot.mesh.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Reads a generated workspace in tests: its files, their YAML or JSON, a hash of the whole tree. */
final class Tree {
    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private Tree() {}

    /** Regular files under {@code root} matching {@code glob} (e.g. {@code **.odcs.yaml}), sorted. */
    static List<Path> files(Path root, String glob) {
        var matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(root.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event in the workspace's NDJSON files, in file and line order. */
    static List<JsonNode> events(Path root) {
        List<JsonNode> events = new ArrayList<>();
        for (Path file : files(root, "observed/events/*.ndjson")) {
            try (BufferedReader in = Files.newBufferedReader(file)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    events.add(JSON.readTree(line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }

    /** SHA-256 over every file's relative path and content, in path order. */
    static String hash(Path root) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files(root, "**")) {
                sha.update(root.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
