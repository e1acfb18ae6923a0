package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.contract.Contract;
import dev.meshpilot.mesh.contract.QualityRule;
import dev.meshpilot.mesh.contract.SchemaObject;
import dev.meshpilot.mesh.contract.SchemaProperty;
import dev.meshpilot.mesh.product.DataProduct;
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
import java.util.ArrayList;
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
                                .optional(
                                        "document",
                                        Schema.bool("Also return the whole ODCS document as JSON (default false)."))
                                .build())
                .outputSchema(OutputSchemas.of(ContractView.class))
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
        JsonNode document = Args.bool(args, "document", false)
                ? dev.meshpilot.mesh.store.Json.read(c.documentJson(), JsonNode.class)
                : null;
        boolean current = mesh.contracts()
                .currentVersion(id)
                .map(v -> v.version().equals(c.version()))
                .orElse(false);
        ContractView view = view(c, current, productId, versions, document);
        if (document == null) {
            return Results.ok(view);
        }
        List<String> untrusted = new ArrayList<>(Results.untrusted(ContractView.class));
        untrusted.addAll(DOCUMENT_TEXT);
        return Results.ok(view, untrusted);
    }

    /** The current version of a product's contract, as this tool shows it (without the document). */
    public static Optional<ContractView> current(MeshView mesh, String productId) {
        return mesh.products()
                .get(productId)
                .map(DataProduct::contract)
                .flatMap(id -> mesh.contracts().current(id))
                .map(c -> view(c, true, productId, mesh.contracts().versions(c.id()), null));
    }

    private static ContractView view(
            Contract c, boolean current, String productId, List<String> versions, JsonNode document) {
        List<ContractView.SchemaObjectView> objects = new ArrayList<>();
        for (SchemaObject o : c.objects()) {
            List<ContractView.Property> props = new ArrayList<>();
            for (SchemaProperty p : o.properties()) {
                property(props, "", p);
            }
            objects.add(new ContractView.SchemaObjectView(
                    o.name(), o.physicalName(), o.description(), props, rules(o.quality())));
        }
        return new ContractView(
                c.id(),
                c.version(),
                c.status(),
                current,
                versions,
                productId,
                c.name(),
                c.description(),
                objects,
                c.slaProperties().stream()
                        .map(x -> new ContractView.Sla(x.property(), x.value(), x.unit(), x.element()))
                        .toList(),
                document);
    }

    /** Where an ODCS document holds free text, fenced by the gate like the view's own descriptions. */
    static final List<String> DOCUMENT_TEXT = List.of(
            "/document/description",
            "/document/description/*",
            "/document/schema/*/description",
            "/document/schema/*/businessName",
            "/document/schema/*/properties/*/description",
            "/document/schema/*/properties/*/businessName",
            "/document/schema/*/properties/*/transformDescription",
            "/document/schema/*/properties/*/transformLogic",
            "/document/schema/*/properties/*/quality/*/description",
            "/document/schema/*/quality/*/description");

    private static void property(List<ContractView.Property> out, String prefix, SchemaProperty p) {
        out.add(new ContractView.Property(
                prefix + p.name(),
                p.logicalType(),
                p.physicalType(),
                p.required(),
                p.unique(),
                p.primaryKey(),
                p.classification(),
                p.criticalDataElement(),
                p.description(),
                p.quality().isEmpty() ? null : rules(p.quality())));
        for (SchemaProperty child : p.properties()) {
            property(out, prefix + p.name() + ".", child);
        }
    }

    private static List<ContractView.Rule> rules(List<QualityRule> rules) {
        return rules.stream()
                .map(r -> new ContractView.Rule(
                        r.name(), r.type(), r.metric(), r.dimension(), r.severity(), r.description()))
                .toList();
    }
}
