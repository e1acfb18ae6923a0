package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.contract.Contract;
import dev.meshpilot.mesh.contract.QualityRule;
import dev.meshpilot.mesh.contract.SchemaObject;
import dev.meshpilot.mesh.contract.SchemaProperty;
import dev.meshpilot.mesh.contract.SlaProperty;
import dev.meshpilot.mesh.product.DataProduct;
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

/**
 * {@code get_contract}: one version of an ODCS data contract (the current one unless a version is named), by
 * contract id or by the product it belongs to, as a compact view: objects, properties with types,
 * classification and keys, quality rules and SLA properties. Nested properties are flattened to
 * {@code parent.child} names.
 */
public final class GetContractTool extends MeshTool {
    public static final String NAME = "get_contract";

    private final MeshView mesh;

    public GetContractTool(MeshView mesh) {
        super(ToolDeclaration.builder(
                        NAME,
                        "Returns an ODCS data contract: the current version, or the version named. Give the contract "
                                + "id or the product id. Lists every version, the schema objects with their properties "
                                + "(logical and physical type, required, unique, primary key, classification such as "
                                + "pii), quality rules and SLA properties.",
                        Schema.input()
                                .optional("id", Schema.string(1, 200, "Contract id, e.g. payments.transactions."))
                                .optional("product", Schema.productId("Product id whose contract to return."))
                                .optional(
                                        "version",
                                        Schema.string(1, 50, "Contract version, e.g. 2.0.0 (default: current)."))
                                .build())
                .outputSchema(Schema.output()
                        .required("id", Schema.string("Contract id."))
                        .required("version", Schema.string("This version."))
                        .required("status", Schema.string("ODCS status, e.g. active, draft, deprecated."))
                        .required("current", Schema.bool("Whether this is the current version."))
                        .required("versions", Schema.strings("Every version loaded, oldest first."))
                        .required("product", Schema.nullableString("The product whose contract this is."))
                        .required("name", Schema.nullableString("Contract name."))
                        .required("description", Schema.text("Purpose and usage (free text from the contract)."))
                        .required(
                                "objects",
                                Schema.array(
                                        Schema.output()
                                                .required("name", Schema.string("Object (table) name."))
                                                .required(
                                                        "properties",
                                                        Schema.array(
                                                                Schema.output()
                                                                        .required(
                                                                                "name",
                                                                                Schema.string(
                                                                                        "Column name; nested ones as parent.child."))
                                                                        .optional(
                                                                                "logicalType",
                                                                                Schema.nullableString(
                                                                                        "ODCS logical type."))
                                                                        .optional(
                                                                                "physicalType",
                                                                                Schema.nullableString("Physical type."))
                                                                        .optional(
                                                                                "classification",
                                                                                Schema.nullableString(
                                                                                        "e.g. pii, restricted, public."))
                                                                        .optional(
                                                                                "description",
                                                                                Schema.text("Column description."))
                                                                        .build(),
                                                                "Columns."))
                                                .build(),
                                        "Schema objects."))
                        .required("sla", Schema.array(Schema.output().build(), "SLA properties."))
                        .build())
                .scopes(Scope.CONTRACTS_READ)
                .build());
        this.mesh = mesh;
    }

    /** The owning product's resource; an unknown or orphan contract needs contracts:read on the whole mesh. */
    @Override
    public List<Resource> resources(JsonNode args) {
        Optional<String> product = Args.string(args, "product");
        if (product.isPresent()) {
            return List.of(ProductRefs.resource(product.get()));
        }
        return Args.string(args, "id")
                .flatMap(mesh::contractOwner)
                .map(p -> List.of(ProductRefs.resource(p)))
                .orElse(List.of(Resource.MESH));
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args) {
        Optional<String> product = Args.string(args, "product");
        Optional<String> given = Args.string(args, "id");
        if (product.isEmpty() && given.isEmpty()) {
            return ToolOutput.error("give 'id' (a contract id) or 'product' (a product id)");
        }
        String id;
        String productId;
        if (product.isPresent()) {
            Optional<DataProduct> p = mesh.products().get(product.get());
            if (p.isEmpty()) {
                return ToolOutput.error(
                        ProductRefs.unknown(product.get(), mesh.products().list()));
            }
            if (p.get().contract() == null) {
                return ToolOutput.noData("product " + product.get() + " declares no contract");
            }
            id = p.get().contract();
            productId = p.get().id();
            if (given.isPresent() && !given.get().equals(id)) {
                return ToolOutput.error("product " + productId + " has contract " + id + ", not " + given.get());
            }
        } else {
            id = given.get();
            productId = mesh.contractOwner(id).orElse(null);
        }
        List<String> versions = mesh.contracts().versions(id);
        if (versions.isEmpty()) {
            return ToolOutput.error("no contract '" + id + "'; get_data_product shows a product's contract id");
        }
        Optional<String> version = Args.string(args, "version");
        Optional<Contract> found = version.isPresent()
                ? mesh.contracts().get(id, version.get())
                : mesh.contracts().current(id);
        if (found.isEmpty()) {
            return ToolOutput.error("contract " + id + " has no version '" + version.orElse("") + "'; versions: "
                    + String.join(", ", versions));
        }
        Contract c = found.get();
        String current = mesh.contracts().current(id).map(Contract::version).orElse(null);
        ObjectNode data = object();
        data.put("id", c.id());
        data.put("version", c.version());
        data.put("status", c.status());
        data.put("current", c.version().equals(current));
        ArrayNode vs = data.putArray("versions");
        versions.forEach(vs::add);
        data.put("product", productId);
        data.put("name", c.name());
        data.put("description", c.description());
        ArrayNode objects = data.putArray("objects");
        for (SchemaObject o : c.objects()) {
            ObjectNode on = objects.addObject();
            on.put("name", o.name());
            on.put("physicalName", o.physicalName());
            on.put("description", o.description());
            ArrayNode props = on.putArray("properties");
            for (SchemaProperty p : o.properties()) {
                property(props, "", p);
            }
            quality(on.putArray("quality"), o.quality());
        }
        ArrayNode sla = data.putArray("sla");
        for (SlaProperty s : c.slaProperties()) {
            sla.addObject()
                    .put("property", s.property())
                    .put("value", s.value())
                    .put("unit", s.unit())
                    .put("element", s.element());
        }
        return ToolOutput.ok(
                data,
                List.of(),
                List.of(
                        "/description",
                        "/objects/*/description",
                        "/objects/*/properties/*/description",
                        "/objects/*/quality/*/description",
                        "/objects/*/properties/*/quality/*/description"));
    }

    private static void property(ArrayNode out, String prefix, SchemaProperty p) {
        ObjectNode n = out.addObject();
        n.put("name", prefix + p.name());
        n.put("logicalType", p.logicalType());
        n.put("physicalType", p.physicalType());
        n.put("required", p.required());
        n.put("unique", p.unique());
        n.put("primaryKey", p.primaryKey());
        n.put("classification", p.classification());
        n.put("criticalDataElement", p.criticalDataElement());
        n.put("description", p.description());
        if (!p.quality().isEmpty()) {
            quality(n.putArray("quality"), p.quality());
        }
        for (SchemaProperty child : p.properties()) {
            property(out, prefix + p.name() + ".", child);
        }
    }

    private static void quality(ArrayNode out, List<QualityRule> rules) {
        for (QualityRule r : rules) {
            out.addObject()
                    .put("name", r.name())
                    .put("type", r.type())
                    .put("metric", r.metric())
                    .put("dimension", r.dimension())
                    .put("severity", r.severity())
                    .put("description", r.description());
        }
    }
}
