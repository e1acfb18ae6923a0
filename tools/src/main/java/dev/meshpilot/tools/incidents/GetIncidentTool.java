package dev.meshpilot.tools.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.MeshTool;
import dev.meshpilot.tools.support.ProductRefs;
import dev.meshpilot.tools.support.Schema;
import java.util.List;
import java.util.Optional;

/** {@code get_incident}: one incident as recorded: product, status, class, description, cause and resolution. */
public final class GetIncidentTool extends MeshTool {
    public static final String NAME = "get_incident";

    private final MeshView mesh;

    public GetIncidentTool(MeshView mesh) {
        super(ToolDeclaration.builder(
                        NAME,
                        "Returns one incident by id (e.g. INC-1001): affected product, status, severity, error class, "
                                + "description, root cause and resolution when known, how it was opened (workspace "
                                + "history, an OpenLineage FAIL event, a failed assertion, an alert) and when.",
                        Schema.input()
                                .required("id", Schema.string(1, 100, "Incident id, e.g. INC-1001."))
                                .build())
                .outputSchema(Schema.output()
                        .required("id", Schema.string("Incident id."))
                        .required("title", Schema.text("Title."))
                        .required("product", Schema.nullableString("Affected product."))
                        .required("status", Schema.string("open or resolved."))
                        .required("severity", Schema.nullableString("SEV1..SEV4 if assessed."))
                        .required("errorClass", Schema.nullableString("Error class if classified."))
                        .required("description", Schema.text("What was observed (free text)."))
                        .required("rootCause", Schema.text("Root cause, once known."))
                        .required("resolution", Schema.text("How it was resolved."))
                        .required("source", Schema.string("What opened it."))
                        .required("openedAt", Schema.string("When it was opened."))
                        .required("updatedAt", Schema.nullableString("Last update."))
                        .required("resolvedAt", Schema.nullableString("When it was resolved."))
                        .required("eventCount", Schema.integer("Events attached to it."))
                        .build())
                .scopes(Scope.INCIDENTS_READ)
                .build());
        this.mesh = mesh;
    }

    /** The incident's product; an unknown incident, or one without a product, needs incidents:read everywhere. */
    @Override
    public List<Resource> resources(JsonNode args) {
        return List.of(mesh.incidents()
                .get(Args.required(args, "id"))
                .map(Incident::productId)
                .map(ProductRefs::resource)
                .orElse(Resource.MESH));
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args) {
        String id = Args.required(args, "id");
        Optional<Incident> found = mesh.incidents().get(id);
        if (found.isEmpty()) {
            return ToolOutput.error("no incident '" + id + "'; incident ids look like INC-1001");
        }
        Incident i = found.get();
        ObjectNode data = object();
        data.put("id", i.id());
        data.put("title", i.title());
        data.put("product", i.productId());
        data.put("status", i.status());
        data.put("severity", i.severity());
        data.put("errorClass", i.errorClass());
        data.put("description", i.description());
        data.put("rootCause", i.rootCause());
        data.put("resolution", i.resolution());
        data.put("source", i.source());
        data.put("openedAt", time(i.openedAt()));
        data.put("updatedAt", time(i.updatedAt()));
        data.put("resolvedAt", time(i.resolvedAt()));
        data.put("eventCount", i.eventCount());
        return ToolOutput.ok(data, List.of(), List.of("/title", "/description", "/rootCause", "/resolution"));
    }
}
