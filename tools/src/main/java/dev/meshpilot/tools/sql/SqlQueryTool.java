package dev.meshpilot.tools.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.contract.Contracts;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.sql.ReadOnlySql;
import dev.meshpilot.sandbox.sql.SqlPolicy;
import dev.meshpilot.sandbox.sql.SqlResult;
import dev.meshpilot.sandbox.tool.CostClass;
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.Results;
import java.util.List;

/**
 * {@code sql.query}: one read-only SQL query over the warehouse, as the caller. The caller sees only the
 * tables of products it holds {@code sql:read} on, with PII and restricted columns masked unless it holds
 * {@code pii:read} there; writes, PRAGMA, ATTACH and runaway queries are refused or stopped by
 * {@link ReadOnlySql}. A refusal or failure is a result with the reason and the exact query.
 */
public final class SqlQueryTool implements Tool {
    static final String NAME = "sql.query";
    private static final ToolDeclaration DECLARATION = ToolDeclaration.builder(NAME, """
                    Runs one read-only SQL query (SQLite dialect, SELECT or WITH) over the data mesh's warehouse. \
                    Tables are named after products with the dot replaced by two underscores \
                    (customers.customer_profile -> customers__customer_profile). Columns classified as PII are \
                    returned as [REDACTED] unless you may read PII of that product. Results are capped in rows.""", """
                    {"type":"object","properties":{"query":{"type":"string","minLength":1,"maxLength":20000,
                     "description":"One SELECT or WITH statement."}},"required":["query"],"additionalProperties":false}""")
            .outputSchema(OutputSchemas.of(QueryResult.class))
            .scopes(Scope.SQL_READ)
            .cost(CostClass.MODERATE)
            .build();

    private final ReadOnlySql sql;
    private final Products products;
    private final Contracts contracts;

    public SqlQueryTool(ReadOnlySql sql, Products products, Contracts contracts) {
        this.sql = sql;
        this.products = products;
        this.contracts = contracts;
    }

    @Override
    public ToolDeclaration declaration() {
        return DECLARATION;
    }

    /** Decided per table inside the query; the gate checks only that the caller holds sql:read somewhere. */
    @Override
    public List<Resource> resources(JsonNode args) {
        return List.of();
    }

    @Override
    public ToolOutput run(ToolContext context, JsonNode args) {
        SqlPolicy policy = WarehousePolicy.forPrincipal(context.principal(), products.list(), contracts);
        SqlResult r = sql.execute(policy, args.get("query").asText());
        JsonNode data = Results.JSON.valueToTree(new QueryResult(
                r.status().name().toLowerCase(java.util.Locale.ROOT),
                r.query(),
                r.elapsed().toMillis(),
                r.reason().isEmpty() ? null : r.reason(),
                List.copyOf(r.columns()),
                r.rows().stream()
                        .map(row -> java.util.Collections.unmodifiableList(row))
                        .toList()));
        return switch (r.status()) {
            case OK -> ToolOutput.ok(data);
            case TRUNCATED -> new ToolOutput(ToolResult.Status.TRUNCATED, data, r.reason(), List.of(), List.of());
            case DENIED -> new ToolOutput(ToolResult.Status.DENIED, data, r.reason(), List.of(), List.of());
            case TIMEOUT -> new ToolOutput(ToolResult.Status.TIMEOUT, data, r.reason(), List.of(), List.of());
            case ERROR -> new ToolOutput(ToolResult.Status.ERROR, data, r.reason(), List.of(), List.of());
        };
    }
}
