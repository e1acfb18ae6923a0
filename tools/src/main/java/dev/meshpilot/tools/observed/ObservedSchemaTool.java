package dev.meshpilot.tools.observed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.observed.ObservedRetention;
import dev.meshpilot.mesh.observed.ObservedSchema;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.ProductTool;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;
import java.util.List;
import java.util.Optional;

/**
 * {@code observed_schema}: the physical columns of a product's table as last observed in the warehouse, and
 * its observed partition retention, for comparison with the contract.
 */
public final class ObservedSchemaTool extends ProductTool {
    public static final String NAME = "observed_schema";
    static final List<String> SOURCES = List.of("snapshot", "latest");

    public ObservedSchemaTool(MeshView mesh) {
        super(
                ToolDeclaration.builder(
                                NAME,
                                "Returns the physical schema of a product's table as last observed in the warehouse (columns "
                                        + "in order with their types) and the observed partition retention (oldest and newest "
                                        + "partition). Compare with get_contract to find schema drift.",
                                Schema.input()
                                        .required("product", Schema.productId("Product id."))
                                        .optional(
                                                "source",
                                                Schema.oneOf(
                                                        "snapshot (default): the warehouse snapshot; latest: the newer "
                                                                + "of the snapshot and the last OpenLineage schema facet of "
                                                                + "the product's output.",
                                                        SOURCES))
                                        .build())
                        .outputSchema(OutputSchemas.of(ObservedSchemaView.class))
                        .scopes(Scope.CATALOG_READ)
                        .build(),
                mesh,
                "product");
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String product) {
        boolean latest = "latest"
                .equals(dev.meshpilot.tools.support.Args.string(args, "source").orElse("snapshot"));
        return read(mesh, product, latest)
                .map(Results::ok)
                .orElseGet(() -> ToolOutput.noData("nothing has been observed for " + product
                        + " (no schema or retention snapshot); get_contract shows the declared schema"));
    }

    /**
     * A product's observed columns and retention as this tool shows them (with {@code latest}, the newer of the
     * warehouse snapshot and the last OpenLineage schema facet); empty when nothing was observed.
     */
    public static Optional<ObservedSchemaView> read(MeshView mesh, String product, boolean latest) {
        Optional<ObservedSchema> schema = latest
                ? mesh.observations().latestSchema(product)
                : mesh.observations().schema(product);
        Optional<ObservedRetention> retention = mesh.observations().retention(product);
        if (schema.isEmpty() && retention.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ObservedSchemaView(
                product,
                schema.map(ObservedSchema::observedAt).orElse(null),
                schema.map(s -> s.columns().stream()
                                .map(c -> new ObservedSchemaView.Column(c.name(), c.type()))
                                .toList())
                        .orElse(List.of()),
                retention
                        .map(r -> new ObservedSchemaView.Retention(
                                r.oldestPartition().toString(),
                                r.newestPartition().toString(),
                                r.partitions(),
                                r.observedAt()))
                        .orElse(null)));
    }
}
