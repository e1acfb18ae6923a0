package dev.meshpilot.server.mcp.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.incident.Incidents;
import dev.meshpilot.mesh.view.IncidentView;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.Results;
import java.util.Optional;

/**
 * {@code resource.incident}: one incident as an {@link IncidentView} (the shape {@code get_incident} returns),
 * for {@code mesh://incidents/{id}}; needs incidents:read on its product.
 */
public final class IncidentReadTool extends ReadTool {
    public static final String NAME = "resource.incident";
    private final Incidents incidents;

    public IncidentReadTool(Incidents incidents) {
        super(
                NAME,
                "Reads one incident by id (INC-<number>).",
                ID_SCHEMA,
                OutputSchemas.of(IncidentView.class),
                Scope.INCIDENTS_READ);
        this.incidents = incidents;
    }

    @Override
    public ToolOutput run(ToolContext context, JsonNode args) {
        String id = args.get("id").asText();
        Optional<Incident> found = incidents.get(id);
        if (found.isEmpty()) {
            return ToolOutput.noData("no incident '" + id + "'");
        }
        Incident i = found.get();
        ToolOutput denied =
                deniedUnless(context.principal(), Scope.INCIDENTS_READ, domainOf(i.productId()), i.productId());
        return denied != null ? denied : Results.ok(IncidentView.of(i));
    }
}
