package dev.meshpilot.server.mcp.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.runbook.Runbooks;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolOutput;
import java.util.List;

/**
 * {@code resource.runbook}: one runbook with its Markdown body, for {@code mesh://runbooks/{id}}. Runbooks are
 * mesh-wide guidance: the caller needs catalog:read somewhere.
 */
public final class RunbookReadTool extends ReadTool {
    public static final String NAME = "resource.runbook";
    private final Runbooks runbooks;

    public RunbookReadTool(Runbooks runbooks) {
        super(NAME, "Reads one runbook by id.", ID_SCHEMA, Scope.CATALOG_READ);
        this.runbooks = runbooks;
    }

    @Override
    public ToolOutput run(ToolContext context, JsonNode args) {
        String id = args.get("id").asText();
        return runbooks.get(id)
                .map(r -> ToolOutput.ok(tree(r), List.of(), List.of("/title", "/body")))
                .orElseGet(() -> ToolOutput.noData("no runbook '" + id + "'"));
    }
}
