package dev.meshpilot.mesh.workspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document read as a Jackson tree that remembers the line of every node, so a problem found later
 * (by a check in code or by a JSON Schema) can name the line it is on.
 *
 * <p>Read with Jackson's streaming YAML parser (no composer, no regex-based tag resolution: about three
 * times faster than SnakeYAML's node API on a cold JVM). Plain scalars are typed as Jackson does: numbers,
 * {@code true}/{@code false} (and YAML 1.1's {@code yes}/{@code no}), {@code null}/{@code ~}; dates stay text.
 * Duplicate keys and aliases ({@code *name}) are refused with the line.
 */
public final class YamlDoc {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory FACTORY = yamlFactory();

    private final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDoc(String file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /**
     * Parses {@code text}; on a syntax error records a problem naming the line and returns {@code null}.
     */
    static YamlDoc parse(String file, String text, Problems problems) {
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            Map<String, Integer> lines = new HashMap<>();
            JsonToken first = p.nextToken();
            JsonNode root = first == null ? NODES.objectNode() : value(p, "", lines);
            if (p.nextToken() != null) {
                problems.add(file, line(p), "", "YAML syntax error: more than one document (remove the '---')");
                return null;
            }
            return new YamlDoc(file, root, lines);
        } catch (Alias e) {
            problems.add(file, e.line, "", "YAML aliases (*" + e.name + ") are not supported: repeat the value");
            return null;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                int line = m.getProblemMark().getLine() + 1;
                Mark context = m.getContextMark();
                String where = context != null && context.getLine() + 1 != line
                        ? " (" + m.getContext() + " on line " + (context.getLine() + 1) + ")"
                        : "";
                problems.add(file, line, "", "YAML syntax error: " + firstLine(m.getProblem()) + where);
                return null;
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(file, line, "", "YAML syntax error: " + firstLine(e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(file, 0, "", "cannot read: " + e.getMessage());
            return null;
        }
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** The 1-based line of the node at {@code pointer} (a JSON pointer), or of its nearest ancestor. */
    public int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    /** Reads the value at the current token; the parser is left on its last token. */
    private static JsonNode value(YAMLParser p, String pointer, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(pointer, line(p));
        if (p.isCurrentAlias()) {
            throw new Alias(p.getText(), line(p));
        }
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            ObjectNode object = NODES.objectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                lines.put(child, line(p));
                p.nextToken();
                object.set(key, value(p, child, lines));
            }
            return object;
        }
        if (t == JsonToken.START_ARRAY) {
            ArrayNode array = NODES.arrayNode();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                array.add(value(p, pointer + "/" + i++, lines));
            }
            return array;
        }
        return switch (t) {
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NUMBER_INT ->
                p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(p.getBigIntegerValue())
                        : NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            default -> NODES.textNode(p.getText());
        };
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable YAML" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** An alias where a value was expected. */
    private static final class Alias extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String name;
        final int line;

        Alias(String name, int line) {
            super(null, null, false, false);
            this.name = name;
            this.line = line;
        }
    }
}
