package dev.meshpilot.tools.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.activity.QualityRecord;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.Page;
import dev.meshpilot.tools.support.ProductTool;
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
                        .outputSchema(Schema.paged(Schema.output()
                                        .required("product", Schema.string("Product id."))
                                        .required(
                                                "failed",
                                                Schema.integer("Failed assertions among all matching results."))
                                        .required(
                                                "results",
                                                Schema.array(
                                                        Schema.output()
                                                                .required(
                                                                        "assertion",
                                                                        Schema.string("Assertion name, e.g. not_null."))
                                                                .required(
                                                                        "column",
                                                                        Schema.nullableString(
                                                                                "Column; null for table-level ones."))
                                                                .required("success", Schema.bool("Whether it passed."))
                                                                .required("at", Schema.string("When it was evaluated."))
                                                                .required(
                                                                        "dataset",
                                                                        Schema.string("namespace/name of the dataset."))
                                                                .required(
                                                                        "runId",
                                                                        Schema.string("The run that reported it."))
                                                                .build(),
                                                        "Results, newest first.")))
                                .build())
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
        ObjectNode data = object();
        data.put("product", product);
        data.put("failed", failedOnly ? total : mesh.activity().countQuality(product, true));
        ArrayNode out = data.putArray("results");
        for (QualityRecord q : results) {
            out.addObject()
                    .put("assertion", q.assertion())
                    .put("column", q.column().isEmpty() ? null : q.column())
                    .put("success", q.success())
                    .put("at", time(q.at()))
                    .put("dataset", q.namespace() + "/" + q.dataset())
                    .put("runId", q.runId());
        }
        page.describe(data, total, results.size());
        return ToolOutput.ok(data);
    }
}
