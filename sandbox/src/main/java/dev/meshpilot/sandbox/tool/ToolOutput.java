package dev.meshpilot.sandbox.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a tool's handler returns to the gate: data (JSON) or a failure the agent can read, which values are
 * classified ({@link Sensitive}, or {@link Column}s of a table), and which fields hold untrusted free text
 * from the mesh (JSON pointers with {@code *}: descriptions, error messages, runbook bodies). The gate, not
 * the tool, redacts, caps and fences. Immutable apart from the {@code data} tree, which the gate copies.
 *
 * <pre>{@code
 * return ToolOutput.table(List.of(Column.plain("id"), new Column("email", "customers", "customers.profile", "pii")),
 *         rows, List.of());
 * return ToolOutput.ok(product, List.of(), List.of("/description"));
 * return ToolOutput.error("no product 'sales.order'; did you mean sales.orders?");
 * }</pre>
 */
public record ToolOutput(
        ToolResult.Status status, JsonNode data, String message, List<Sensitive> sensitive, List<String> untrusted) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ToolOutput {
        Objects.requireNonNull(status, "status");
        sensitive = List.copyOf(sensitive);
        untrusted = List.copyOf(untrusted);
    }

    public static ToolOutput ok(JsonNode data, List<Sensitive> sensitive, List<String> untrusted) {
        return new ToolOutput(ToolResult.Status.OK, data, null, sensitive, untrusted);
    }

    public static ToolOutput ok(JsonNode data) {
        return ok(data, List.of(), List.of());
    }

    /**
     * A table: data {@code {"columns": [{"name", "product", "classification"}...], "rows": [[...]...]}}, each
     * protected column's values marked for redaction, and the columns named in {@code untrustedColumns}
     * marked as free text.
     */
    public static ToolOutput table(List<Column> columns, List<List<Object>> rows, List<String> untrustedColumns) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode cols = data.putArray("columns");
        List<Sensitive> sensitive = new ArrayList<>();
        List<String> untrusted = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            cols.addObject()
                    .put("name", c.name())
                    .put("product", c.product())
                    .put("classification", c.classification());
            if (Sensitive.isProtected(c.classification())) {
                sensitive.add(c.at("/rows", i));
            }
            if (untrustedColumns.contains(c.name())) {
                untrusted.add("/rows/*/" + i);
            }
        }
        ArrayNode out = data.putArray("rows");
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "a row has " + row.size() + " values for " + columns.size() + " columns: " + row);
            }
            ArrayNode r = out.addArray();
            row.forEach(v -> r.add(v == null ? r.nullNode() : JSON.valueToTree(v)));
        }
        return ok(data, sensitive, untrusted);
    }

    public static ToolOutput noData(String message) {
        return new ToolOutput(ToolResult.Status.NO_DATA, null, message, List.of(), List.of());
    }

    /** A failure the agent can act on: say what went wrong and what would work (valid values, a retry). */
    public static ToolOutput error(String message) {
        return new ToolOutput(ToolResult.Status.ERROR, null, message, List.of(), List.of());
    }
}
