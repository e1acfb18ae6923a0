package dev.meshpilot.tools.observed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.observed.ObservedRetention;
import dev.meshpilot.mesh.observed.ObservedSchema;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.ProductTool;
import dev.meshpilot.tools.support.Schema;
import java.util.Optional;

/**
 * {@code observed_schema}: the physical columns of a product's table as last observed in the warehouse, and
 * its observed partition retention, for comparison with the contract.
 */
public final class ObservedSchemaTool extends ProductTool {
    public static final String NAME = "observed_schema";

    public ObservedSchemaTool(MeshView mesh) {
        super(
                ToolDeclaration.builder(
                                NAME,
                                "Returns the physical schema of a product's table as last observed in the warehouse (columns "
                                        + "in order with their types) and the observed partition retention (oldest and newest "
                                        + "partition). Compare with get_contract to find schema drift.",
                                Schema.input()
                                        .required("product", Schema.productId("Product id."))
                                        .build())
                        .outputSchema(Schema.output()
                                .required("product", Schema.string("Product id."))
                                .required(
                                        "observedAt",
                                        Schema.nullableString("When the schema was observed; null if never."))
                                .required(
                                        "columns",
                                        Schema.array(
                                                Schema.output()
                                                        .required("name", Schema.string("Column name."))
                                                        .required("type", Schema.nullableString("Physical type."))
                                                        .build(),
                                                "Columns in table order; empty if never observed."))
                                .required(
                                        "retention",
                                        Schema.any(
                                                "{oldestPartition, newestPartition, partitions, observedAt} or null."))
                                .build())
                        .scopes(Scope.CATALOG_READ)
                        .build(),
                mesh,
                "product");
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String product) {
        Optional<ObservedSchema> schema = mesh.observations().schema(product);
        Optional<ObservedRetention> retention = mesh.observations().retention(product);
        if (schema.isEmpty() && retention.isEmpty()) {
            return ToolOutput.noData("nothing has been observed for " + product
                    + " (no schema or retention snapshot); get_contract shows the declared schema");
        }
        ObjectNode data = object();
        data.put("product", product);
        data.put("observedAt", schema.map(s -> time(s.observedAt())).orElse(null));
        ArrayNode cols = data.putArray("columns");
        schema.ifPresent(s ->
                s.columns().forEach(c -> cols.addObject().put("name", c.name()).put("type", c.type())));
        if (retention.isPresent()) {
            ObservedRetention r = retention.get();
            data.putObject("retention")
                    .put("oldestPartition", r.oldestPartition().toString())
                    .put("newestPartition", r.newestPartition().toString())
                    .put("partitions", r.partitions())
                    .put("observedAt", time(r.observedAt()));
        } else {
            data.putNull("retention");
        }
        return ToolOutput.ok(data);
    }
}
