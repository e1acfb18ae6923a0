package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.contract.Contracts;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Domain;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.ProductTool;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;
import java.util.Optional;

/** {@code get_data_product}: one data product with its owner, contract version, ports and SLOs. */
public final class GetDataProductTool extends ProductTool {
    public static final String NAME = "get_data_product";

    public GetDataProductTool(MeshView mesh) {
        super(
                ToolDeclaration.builder(
                                NAME,
                                "Returns one data product of the mesh by id (<domain>.<name>): description, domain, owning team "
                                        + "with chat channel and on-call, criticality, tags, its contract's current version, "
                                        + "output ports (OpenLineage namespace/name) and SLOs.",
                                Schema.input()
                                        .required("id", Schema.productId("Product id, e.g. payments.transactions."))
                                        .build())
                        .outputSchema(OutputSchemas.of(ProductView.class))
                        .scopes(Scope.CATALOG_READ)
                        .build(),
                mesh,
                "id");
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String id) {
        Optional<DataProduct> found = mesh.products().get(id);
        DataProduct p = found.get();
        Domain domain = mesh.products().domain(p.domain()).orElse(null);
        ProductView.ContractRef contract = null;
        if (p.contract() != null) {
            Optional<Contracts.Version> current = mesh.contracts().currentVersion(p.contract());
            contract = new ProductView.ContractRef(
                    p.contract(),
                    current.map(Contracts.Version::version).orElse(null),
                    current.map(Contracts.Version::status).orElse(null),
                    mesh.contracts().versions(p.contract()));
        }
        return Results.ok(new ProductView(
                p.id(),
                p.name(),
                p.description(),
                new ProductView.DomainRef(p.domain(), domain == null ? null : domain.name()),
                Owners.owner(mesh, p),
                p.criticality().wireName(),
                p.tags(),
                contract,
                p.outputPorts().stream()
                        .map(port -> new ProductView.Port(port.namespace(), port.name()))
                        .toList(),
                p.slos().stream()
                        .map(s -> new ProductView.SloView(s.kind(), s.target(), s.description()))
                        .toList()));
    }
}
