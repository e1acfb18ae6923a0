package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.contract.Contracts;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Domain;
import dev.meshpilot.mesh.product.Slo;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.ProductTool;
import dev.meshpilot.tools.support.Schema;
import java.util.List;
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
                        .outputSchema(Schema.output()
                                .required("id", Schema.string("Product id."))
                                .required("name", Schema.string("Display name."))
                                .required(
                                        "description", Schema.text("What the product holds (free text from the mesh)."))
                                .required(
                                        "domain",
                                        Schema.output()
                                                .required("id", Schema.string("Domain id."))
                                                .required("name", Schema.nullableString("Domain name."))
                                                .build())
                                .required("owner", Owners.schema())
                                .required(
                                        "criticality",
                                        Schema.oneOf(
                                                "Business criticality.", List.of("critical", "high", "medium", "low")))
                                .required("tags", Schema.strings("Tags."))
                                .required(
                                        "contract",
                                        Schema.any("The product's contract {id, version, status, versions}, or null."))
                                .required(
                                        "outputPorts",
                                        Schema.array(
                                                Schema.output()
                                                        .required(
                                                                "namespace",
                                                                Schema.string("OpenLineage dataset namespace."))
                                                        .required("name", Schema.string("OpenLineage dataset name."))
                                                        .build(),
                                                "Where the product's data lives."))
                                .required(
                                        "slos",
                                        Schema.array(
                                                Schema.output()
                                                        .required(
                                                                "kind",
                                                                Schema.string(
                                                                        "freshness, volume, completeness or availability."))
                                                        .required(
                                                                "target",
                                                                Schema.string("The target, e.g. PT26H for freshness."))
                                                        .optional("description", Schema.text("What the SLO promises."))
                                                        .build(),
                                                "Service level objectives."))
                                .build())
                        .scopes(Scope.CATALOG_READ)
                        .build(),
                mesh,
                "id");
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String id) {
        Optional<DataProduct> found = mesh.products().get(id);
        DataProduct p = found.get();
        ObjectNode data = object();
        data.put("id", p.id());
        data.put("name", p.name());
        data.put("description", p.description());
        Domain domain = mesh.products().domain(p.domain()).orElse(null);
        data.putObject("domain").put("id", p.domain()).put("name", domain == null ? null : domain.name());
        data.set("owner", Owners.owner(mesh, p));
        data.put("criticality", p.criticality().wireName());
        ArrayNode tags = data.putArray("tags");
        p.tags().forEach(tags::add);
        if (p.contract() == null) {
            data.putNull("contract");
        } else {
            ObjectNode c = data.putObject("contract").put("id", p.contract());
            Optional<Contracts.Version> current = mesh.contracts().currentVersion(p.contract());
            c.put("version", current.map(Contracts.Version::version).orElse(null));
            c.put("status", current.map(Contracts.Version::status).orElse(null));
            ArrayNode versions = c.putArray("versions");
            mesh.contracts().versions(p.contract()).forEach(versions::add);
        }
        ArrayNode ports = data.putArray("outputPorts");
        p.outputPorts()
                .forEach(port ->
                        ports.addObject().put("namespace", port.namespace()).put("name", port.name()));
        ArrayNode slos = data.putArray("slos");
        for (Slo s : p.slos()) {
            slos.addObject().put("kind", s.kind()).put("target", s.target()).put("description", s.description());
        }
        return ToolOutput.ok(data, List.of(), List.of("/description", "/slos/*/description"));
    }
}
