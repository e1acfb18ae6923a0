package dev.meshpilot.mesh.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document read as a Jackson tree that remembers the line of every node, so a problem found later
 * (by a check in code or by a JSON Schema) can name the line it is on.
 */
public final class YamlDoc {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final java.util.Set<String> TRUE_WORDS = java.util.Set.of("true", "yes", "on", "y");

    /** Building a parser is costly and one is not thread-safe: one per thread, reused. */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    });

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
        try {
            Node node = YAML.get().compose(new StringReader(text));
            Map<String, Integer> lines = new HashMap<>();
            JsonNode root = node == null ? NODES.objectNode() : convert(node, "", lines);
            return new YamlDoc(file, root, lines);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String what = e.getProblem() == null ? e.getMessage() : e.getProblem();
            Mark context = e.getContextMark();
            String where = context != null && context.getLine() + 1 != line
                    ? " (" + e.getContext() + " on line " + (context.getLine() + 1) + ")"
                    : "";
            problems.add(file, line, "", "YAML syntax error: " + what.strip() + where);
            return null;
        } catch (YAMLException e) {
            problems.add(file, 0, "", "YAML syntax error: " + e.getMessage());
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

    private static JsonNode convert(Node node, String pointer, Map<String, Integer> lines) {
        lines.put(pointer, node.getStartMark().getLine() + 1);
        if (node instanceof MappingNode map) {
            ObjectNode object = NODES.objectNode();
            for (NodeTuple tuple : map.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                lines.put(child, tuple.getKeyNode().getStartMark().getLine() + 1);
                object.set(key, convert(tuple.getValueNode(), child, lines));
                lines.put(child, tuple.getKeyNode().getStartMark().getLine() + 1);
            }
            return object;
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode array = NODES.arrayNode();
            int i = 0;
            for (Node item : seq.getValue()) {
                array.add(convert(item, pointer + "/" + i++, lines));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private static JsonNode scalar(ScalarNode node) {
        String value = node.getValue();
        Tag tag = node.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return NODES.nullNode();
            } else if (Tag.BOOL.equals(tag)) {
                return NODES.booleanNode(TRUE_WORDS.contains(value.toLowerCase(java.util.Locale.ROOT)));
            } else if (Tag.INT.equals(tag)) {
                BigInteger n = new BigInteger(value.replace("_", ""));
                return n.bitLength() < 63 ? NODES.numberNode(n.longValue()) : NODES.numberNode(n);
            } else if (Tag.FLOAT.equals(tag)) {
                return NODES.numberNode(new BigDecimal(value.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            return NODES.textNode(value);
        }
        return NODES.textNode(value);
    }
}
