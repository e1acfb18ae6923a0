package dev.meshpilot.evals.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A node of a YAML file that knows where it is, so that every complaint names the file and the field. */
final class YamlNode {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path file;
    private final String path;
    private final JsonNode node;

    private YamlNode(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static YamlNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MeshpilotException(ErrorCode.USAGE, file + ": no such file");
        }
        try {
            JsonNode n = YAML.readTree(file.toFile());
            YamlNode y = new YamlNode(file, "", n);
            if (n == null || !n.isObject()) {
                throw y.invalid("must be a YAML mapping");
            }
            return y;
        } catch (IOException e) {
            throw new MeshpilotException(ErrorCode.USAGE, file + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    MeshpilotException invalid(String message) {
        return new MeshpilotException(ErrorCode.USAGE, file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** Fails naming the first key that is not one of {@code allowed}. */
    YamlNode only(Set<String> allowed) {
        for (String k : keys()) {
            if (!allowed.contains(k)) {
                throw child(k).invalid("unknown field (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return this;
    }

    List<String> keys() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    YamlNode child(String key) {
        return new YamlNode(file, path.isEmpty() ? key : path + "." + key, node.path(key));
    }

    YamlNode map(String key) {
        YamlNode c = child(key);
        if (!c.node.isObject()) {
            throw c.invalid(c.node.isMissingNode() ? "is required (a mapping)" : "must be a mapping");
        }
        return c;
    }

    String text(String key) {
        String s = optText(key, null);
        if (s == null) {
            throw child(key).invalid("is required");
        }
        return s;
    }

    String optText(String key, String fallback) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.isValueNode()) {
            throw child(key)
                    .invalid("must be a single value, not "
                            + v.getNodeType().name().toLowerCase());
        }
        return v.asText();
    }

    int integer(String key, int fallback) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt()) {
            throw child(key).invalid("must be a whole number, not '" + v.asText() + "'");
        }
        return v.asInt();
    }

    Double number(String key) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw child(key).invalid("must be a number, not '" + v.asText() + "'");
        }
        return v.asDouble();
    }

    Boolean bool(String key) {
        JsonNode v = node.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw child(key).invalid("must be true or false, not '" + v.asText() + "'");
        }
        return v.asBoolean();
    }

    /** A list of strings; a single string counts as a list of one. */
    List<String> strings(String key) {
        JsonNode v = node.path(key);
        List<String> out = new ArrayList<>();
        if (v.isMissingNode() || v.isNull()) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) {
            throw child(key).invalid("must be a list of strings");
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isValueNode()) {
                throw new YamlNode(file, child(key).path + "[" + i + "]", v.get(i)).invalid("must be a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** A mapping of names to single values, as strings, in file order. */
    Map<String, String> values(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!has(key)) {
            return out;
        }
        YamlNode m = map(key);
        for (String k : m.keys()) {
            out.put(k, m.optText(k, "null")); // an expected null (e.g. no root-cause product) is "null"
        }
        return out;
    }

    Path file() {
        return file;
    }

    JsonNode raw() {
        return node;
    }
}
