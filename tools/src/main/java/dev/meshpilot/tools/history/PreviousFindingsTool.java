package dev.meshpilot.tools.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.ledger.RecordedRun;
import dev.meshpilot.mesh.ledger.RunLedger;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.MeshTool;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.Page;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;
import java.util.List;
import java.util.Optional;

/**
 * {@code previous_findings}: the findings of the latest recorded run of an agent over a scope (recorded by
 * {@code meshpilot drift} and by scheduled runs), so a new run can say what is new, what persists since when,
 * and what was resolved. Needs policies:read on the whole mesh.
 */
public final class PreviousFindingsTool extends MeshTool {
    public static final String NAME = "previous_findings";
    private static final int LIMIT = 200;
    private final MeshView mesh;

    public PreviousFindingsTool(MeshView mesh) {
        super(ToolDeclaration.builder(
                        NAME,
                        "Returns the findings of the latest recorded run of an agent (e.g. drift) over a scope, a page at a time "
                                + "(mesh, a domain or a product id), by fingerprint, with state and first-seen time; "
                                + "runId is null when no run was recorded yet.",
                        Page.arguments(
                                        Schema.input()
                                                .required("agent", Schema.string(1, 50, "The agent, e.g. drift."))
                                                .required(
                                                        "scope",
                                                        Schema.string(1, 100, "mesh, a domain or a product id.")),
                                        LIMIT,
                                        LIMIT)
                                .build())
                .outputSchema(OutputSchemas.of(PreviousFindings.class))
                .scopes(Scope.POLICIES_READ)
                .build());
        this.mesh = mesh;
    }

    @Override
    public List<Resource> resources(JsonNode args) {
        return List.of(Resource.MESH);
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args) {
        Page page = Page.of(args, NAME, LIMIT, LIMIT);
        RunLedger ledger = new RunLedger(mesh.store());
        Optional<RecordedRun> run = ledger.latest(Args.required(args, "agent"), Args.required(args, "scope"));
        if (run.isEmpty()) {
            return Results.ok(new PreviousFindings(null, null, List.of(), 0, null));
        }
        var all = ledger.findings(run.get().id());
        List<PreviousFindings.Item> items = page.slice(all).stream()
                .map(f -> new PreviousFindings.Item(f.fingerprint(), f.state(), f.firstSeen(), f.level(), f.title()))
                .toList();
        return Results.ok(new PreviousFindings(
                run.get().id(), run.get().finishedAt(), items, all.size(), page.next(all.size(), items.size())));
    }
}
