package dev.meshpilot.tools.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.activity.QualityRecord;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.Page;
import dev.meshpilot.tools.support.ProductTool;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;
import java.util.List;

/** {@code quality_results}: data quality assertion results of a product's datasets, newest first. */
public final class QualityResultsTool extends ProductTool {
    public static final String NAME = "quality_results";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 200;

    public QualityResultsTool(MeshView mesh) {
        super(
                ToolDeclaration.builder(
                                NAME,
                                "Lists data quality assertion results (from OpenLineage dataQualityAssertions facets) for a "
                                        + "product's datasets, newest first: assertion, column, passed or failed, time, run. Set "
                                        + "failedOnly to see only failures.",
                                Page.arguments(
                                                Schema.input()
                                                        .required("product", Schema.productId("Product id."))
                                                        .optional(
                                                                "failedOnly",
                                                                Schema.bool("Only failed assertions (default false).")),
                                                DEFAULT_LIMIT,
                                                MAX_LIMIT)
                                        .build())
                        .outputSchema(OutputSchemas.of(QualityResults.class))
                        .scopes(Scope.QUALITY_READ)
                        .build(),
                mesh,
                "product");
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String product) {
        Page page = Page.of(args, NAME, DEFAULT_LIMIT, MAX_LIMIT);
        boolean failedOnly = Args.bool(args, "failedOnly", false);
        int total = mesh.activity().countQuality(product, failedOnly);
        if (total == 0) {
            return ToolOutput.noData("no " + (failedOnly ? "failed " : "") + "quality results recorded for " + product);
        }
        List<QualityRecord> results = mesh.activity().quality(product, failedOnly, page.offset(), page.limit());
        int failed = failedOnly ? total : mesh.activity().countQuality(product, true);
        List<QualityResults.Result> out = results.stream()
                .map(q -> new QualityResults.Result(
                        q.assertion(),
                        q.column().isEmpty() ? null : q.column(),
                        q.success(),
                        q.at(),
                        q.namespace() + "/" + q.dataset(),
                        q.runId()))
                .toList();
        return Results.ok(new QualityResults(product, failed, out, total, out.size(), page.next(total, out.size())));
    }
}
