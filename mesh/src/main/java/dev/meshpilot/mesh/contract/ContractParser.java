package dev.meshpilot.mesh.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an ODCS v3 document (already validated, see {@link OdcsValidator}) to a {@link Contract}. Fields the
 * model does not name stay available in {@link Contract#documentJson()}. Stateless and thread-safe.
 */
public final class ContractParser {
    private ContractParser() {}

    public static Contract parse(JsonNode doc) {
        return new Contract(
                text(doc, "id"),
                text(doc, "version"),
                text(doc, "status"),
                text(doc, "apiVersion"),
                text(doc, "name"),
                text(doc, "domain"),
                text(doc, "dataProduct"),
                description(doc.get("description")),
                map(doc.get("schema"), ContractParser::object),
                map(doc.get("slaProperties"), ContractParser::sla),
                map(
                        doc.get("roles"),
                        r -> new ContractRole(text(r, "role"), text(r, "access"), text(r, "description"))),
                doc.toString());
    }

    private static SchemaObject object(JsonNode o) {
        return new SchemaObject(
                nameOf(o),
                text(o, "physicalName"),
                text(o, "logicalType"),
                description(o.get("description")),
                map(o.get("properties"), ContractParser::property),
                map(o.get("quality"), ContractParser::quality));
    }

    private static SchemaProperty property(JsonNode p) {
        List<SchemaProperty> nested = map(p.get("properties"), ContractParser::property);
        JsonNode items = p.get("items");
        if (items != null && items.has("properties")) {
            nested = map(items.get("properties"), ContractParser::property);
        }
        return new SchemaProperty(
                nameOf(p),
                text(p, "logicalType"),
                text(p, "physicalType"),
                p.path("required").asBoolean(false),
                p.path("unique").asBoolean(false),
                p.path("primaryKey").asBoolean(false),
                text(p, "classification"),
                p.path("criticalDataElement").asBoolean(false),
                description(p.get("description")),
                map(p.get("quality"), ContractParser::quality),
                nested);
    }

    private static QualityRule quality(JsonNode q) {
        String metric = text(q, "metric") != null ? text(q, "metric") : text(q, "rule");
        return new QualityRule(
                text(q, "name"),
                text(q, "type") == null ? "library" : text(q, "type"),
                metric,
                text(q, "query"),
                text(q, "dimension"),
                text(q, "severity"),
                description(q.get("description")));
    }

    private static SlaProperty sla(JsonNode s) {
        return new SlaProperty(text(s, "property"), text(s, "value"), text(s, "unit"), text(s, "element"));
    }

    private static String nameOf(JsonNode node) {
        String name = text(node, "name");
        return name != null ? name : text(node, "physicalName") != null ? text(node, "physicalName") : "";
    }

    /** ODCS v3 descriptions are either text or an object with purpose, limitations and usage. */
    private static String description(JsonNode d) {
        if (d == null || d.isNull()) {
            return null;
        }
        if (d.isValueNode()) {
            return d.asText();
        }
        List<String> parts = new ArrayList<>();
        for (String key : List.of("purpose", "limitations", "usage")) {
            if (d.hasNonNull(key)) {
                parts.add(d.get(key).asText().strip());
            }
        }
        return String.join("\n", parts);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    private static <T> List<T> map(JsonNode array, java.util.function.Function<JsonNode, T> f) {
        List<T> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> out.add(f.apply(item)));
        }
        return out;
    }
}
