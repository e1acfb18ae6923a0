package dev.meshpilot.tools.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.view.IncidentView;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.MeshTool;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.ProductRefs;
import dev.meshpilot.tools.support.Results;
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
                .outputSchema(OutputSchemas.of(IncidentView.class))
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
        return Results.ok(IncidentView.of(found.get()));
    }
}
