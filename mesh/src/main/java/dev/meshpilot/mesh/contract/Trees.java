package dev.meshpilot.mesh.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Copies a Jackson 2 tree into a Jackson 3 tree (the schema validator's), node by node: cheaper than
 * writing the document to text and parsing it again.
 */
final class Trees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Trees() {}

    static tools.jackson.databind.JsonNode toJackson3(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                object.set(e.getKey(), toJackson3(e.getValue()));
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(item -> array.add(toJackson3(item)));
            return array;
        }
        if (node.isNull() || node.isMissingNode()) {
            return NODES.nullNode();
        }
        if (node.isBoolean()) {
            return NODES.booleanNode(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong()
                    ? NODES.numberNode(node.longValue())
                    : NODES.numberNode(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return NODES.numberNode(node.decimalValue());
        }
        return NODES.stringNode(node.asText());
    }
}
