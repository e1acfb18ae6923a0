package dev.meshpilot.server.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.sandbox.gate.Gate;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.server.mcp.resource.ContractReadTool;
import dev.meshpilot.server.mcp.resource.IncidentReadTool;
import dev.meshpilot.server.mcp.resource.ProductReadTool;
import dev.meshpilot.server.mcp.resource.RunbookReadTool;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManager;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The mesh as MCP resource templates. A read is a gate call of the matching read tool for the front end
 * {@code mcp-resources}, as the caller: authorized (deny by default), redacted and audited like any tool call.
 * Not found is JSON-RPC error -32002; a refusal is -32001 with the gate's reason. Completion suggests the ids
 * the caller may read.
 */
final class MeshResources {
    static final String AGENT = "mcp-resources";
    static final int ACCESS_DENIED = -32001;
    private static final int MAX_COMPLETIONS = 100;

    private record Template(String uriTemplate, String name, String description, String tool) {}

    private static final List<Template> TEMPLATES = List.of(
            new Template(
                    "mesh://products/{id}", "product", "A data product by id (<domain>.<name>).", ProductReadTool.NAME),
            new Template(
                    "mesh://contracts/{id}",
                    "contract",
                    "An ODCS data contract, current version.",
                    ContractReadTool.NAME),
            new Template(
                    "mesh://contracts/{id}/{version}",
                    "contract-version",
                    "One version of an ODCS data contract.",
                    ContractReadTool.NAME),
            new Template(
                    "mesh://incidents/{id}", "incident", "An incident by id (INC-<number>).", IncidentReadTool.NAME),
            new Template("mesh://runbooks/{id}", "runbook", "A runbook by id.", RunbookReadTool.NAME));

    private final Gate gate;
    private final MeshCatalog catalog;

    MeshResources(Gate gate, MeshCatalog catalog) {
        this.gate = gate;
        this.catalog = catalog;
    }

    List<AsyncResourceTemplateSpecification> templates() {
        List<AsyncResourceTemplateSpecification> out = new ArrayList<>();
        for (Template t : TEMPLATES) {
            McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder(t.uriTemplate(), t.name())
                    .description(t.description())
                    .mimeType("application/json")
                    .build();
            out.add(new AsyncResourceTemplateSpecification(
                    template, (exchange, request) -> Blocking.call(() -> read(t, exchange, request.uri()))));
        }
        return out;
    }

    List<AsyncCompletionSpecification> completions() {
        return List.of(
                completion("mesh://products/{id}", (p, req) -> catalog.productIds(p)),
                completion("mesh://contracts/{id}", (p, req) -> catalog.contractIds(p)),
                completion(
                        "mesh://contracts/{id}/{version}",
                        (p, req) -> "version".equals(req.argument().name())
                                ? catalog.contractVersions(p, contextArgument(req, "id"))
                                : catalog.contractIds(p)),
                completion("mesh://incidents/{id}", (p, req) -> catalog.incidentIds(p)),
                completion("mesh://runbooks/{id}", (p, req) -> catalog.runbookIds(p)));
    }

    private McpSchema.ReadResourceResult read(Template t, McpAsyncServerExchange exchange, String uri) {
        Caller caller = Caller.of(exchange);
        Map<String, String> vars = new DefaultMcpUriTemplateManager(t.uriTemplate()).extractVariableValues(uri);
        ObjectNode args = JsonTrees.JSON.createObjectNode();
        vars.forEach((k, v) -> args.put(k, URLDecoder.decode(v, StandardCharsets.UTF_8)));
        String runId = AGENT + "-" + UUID.randomUUID();
        ToolResult r;
        try {
            r = gate.call(new ToolContext(caller.principal(), AGENT, runId, null, null), t.tool(), args);
        } finally {
            gate.endRun(runId);
        }
        if (r.hasData()) {
            return McpSchema.ReadResourceResult.builder(List.of(
                            new McpSchema.TextResourceContents(uri, "application/json", JsonTrees.write(r.data()))))
                    .meta(Map.of(
                            "dev.meshpilot/auditSeq",
                            r.auditSeq(),
                            "dev.meshpilot/status",
                            r.status().wireName()))
                    .build();
        }
        if (r.status() == ToolResult.Status.NO_DATA) {
            throw McpError.RESOURCE_NOT_FOUND.apply(uri);
        }
        throw McpError.builder(r.status() == ToolResult.Status.DENIED ? ACCESS_DENIED : -32603)
                .message(r.status().wireName() + " (audit #" + r.auditSeq() + "): " + r.message())
                .data(Map.of("uri", uri))
                .build();
    }

    private static AsyncCompletionSpecification completion(
            String uriTemplate, BiFunction<Principal, McpSchema.CompleteRequest, List<String>> candidates) {
        return new AsyncCompletionSpecification(
                new McpSchema.ResourceReference(uriTemplate),
                (exchange, request) -> Blocking.call(() -> {
                    Principal p = Caller.of(exchange).principal();
                    String prefix = request.argument().value() == null
                            ? ""
                            : request.argument().value();
                    List<String> matches = candidates.apply(p, request).stream()
                            .filter(id -> id.startsWith(prefix))
                            .toList();
                    List<String> page = matches.subList(0, Math.min(MAX_COMPLETIONS, matches.size()));
                    return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(
                            page, matches.size(), matches.size() > page.size()));
                }));
    }

    private static String contextArgument(McpSchema.CompleteRequest request, String name) {
        return request.context() == null || request.context().arguments() == null
                ? ""
                : request.context().arguments().getOrDefault(name, "");
    }
}
