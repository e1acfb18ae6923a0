package dev.meshpilot.tools;

import dev.meshpilot.sandbox.sql.ReadOnlySql;
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.tools.activity.MetricHistoryTool;
import dev.meshpilot.tools.activity.MetricSeriesTool;
import dev.meshpilot.tools.activity.QualityResultsTool;
import dev.meshpilot.tools.activity.RecentRunsTool;
import dev.meshpilot.tools.anomaly.ScanMetricsTool;
import dev.meshpilot.tools.catalog.GetContractTool;
import dev.meshpilot.tools.catalog.GetDataProductTool;
import dev.meshpilot.tools.catalog.ListPoliciesTool;
import dev.meshpilot.tools.catalog.ListProductsTool;
import dev.meshpilot.tools.history.PreviousFindingsTool;
import dev.meshpilot.tools.incidents.GetIncidentTool;
import dev.meshpilot.tools.incidents.ListIncidentsTool;
import dev.meshpilot.tools.lineage.ImpactTool;
import dev.meshpilot.tools.lineage.LineageLinksTool;
import dev.meshpilot.tools.lineage.LineageTool;
import dev.meshpilot.tools.observed.ObservedGrantsTool;
import dev.meshpilot.tools.observed.ObservedSchemaTool;
import dev.meshpilot.tools.policy.CheckPoliciesTool;
import dev.meshpilot.tools.search.SearchCatalogTool;
import dev.meshpilot.tools.search.SearchRunbooksTool;
import dev.meshpilot.tools.search.SimilarIncidentsTool;
import dev.meshpilot.tools.sql.SqlQueryTool;
import java.util.List;

/** The whole catalog of mesh tools over one home folder, for the gate. */
public final class MeshTools {
    private MeshTools() {}

    /** Every tool: the mesh tools and {@code sql.query} over the warehouse. */
    public static List<Tool> all(MeshView mesh, ReadOnlySql warehouse) {
        List<Tool> all = new java.util.ArrayList<>(mesh(mesh));
        all.add(new SqlQueryTool(warehouse, mesh.products(), mesh.contracts()));
        return List.copyOf(all);
    }

    /** The tools over the store, the lineage graph and the search index (all but {@code sql.query}). */
    public static List<Tool> mesh(MeshView mesh) {
        return List.of(
                new SearchCatalogTool(mesh),
                new GetDataProductTool(mesh),
                new GetContractTool(mesh),
                LineageTool.upstream(mesh),
                LineageTool.downstream(mesh),
                new ImpactTool(mesh),
                new RecentRunsTool(mesh),
                new QualityResultsTool(mesh),
                new MetricSeriesTool(mesh),
                new MetricHistoryTool(mesh),
                new GetIncidentTool(mesh),
                new ListIncidentsTool(mesh),
                new ListProductsTool(mesh),
                new SimilarIncidentsTool(mesh),
                new SearchRunbooksTool(mesh),
                new ListPoliciesTool(mesh),
                new ObservedGrantsTool(mesh),
                new ObservedSchemaTool(mesh),
                new PreviousFindingsTool(mesh),
                new CheckPoliciesTool(mesh),
                new ScanMetricsTool(mesh),
                new LineageLinksTool(mesh));
    }
}
