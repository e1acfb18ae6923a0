package dev.meshpilot.server.mcp;

import dev.meshpilot.mesh.contract.Contracts;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.incident.Incidents;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.mesh.runbook.Runbook;
import dev.meshpilot.mesh.runbook.Runbooks;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What of the mesh a principal may see, as MCP resources (for {@code resources/list}) and as ids (for
 * completion): products need catalog:read on the product, contracts contracts:read, incidents
 * incidents:read on their product, runbooks catalog:read somewhere. Deny by default. Reads the store on
 * every call; thread-safe.
 */
final class MeshCatalog {
    private static final String JSON = "application/json";
    private final Products products;
    private final Contracts contracts;
    private final Incidents incidents;
    private final Runbooks runbooks;

    MeshCatalog(Products products, Contracts contracts, Incidents incidents, Runbooks runbooks) {
        this.products = products;
        this.contracts = contracts;
        this.incidents = incidents;
        this.runbooks = runbooks;
    }

    List<McpSchema.Resource> resources(Principal p) {
        List<McpSchema.Resource> out = new ArrayList<>();
        List<DataProduct> all = products.list();
        for (DataProduct d : all) {
            if (allowed(p, Scope.CATALOG_READ, d.domain(), d.id())) {
                out.add(resource("mesh://products/" + d.id(), d.id(), d.name(), "Data product " + d.id()));
            }
        }
        for (DataProduct d : all) {
            if (d.contract() != null && allowed(p, Scope.CONTRACTS_READ, d.domain(), d.id())) {
                out.add(resource(
                        "mesh://contracts/" + d.contract(),
                        d.contract(),
                        null,
                        "ODCS contract of " + d.id() + ", current version"));
            }
        }
        for (Incident i : visibleIncidents(p)) {
            out.add(resource(
                    "mesh://incidents/" + i.id(),
                    i.id(),
                    null,
                    "Incident on " + i.productId() + " (" + i.status() + ", " + i.severity() + ")"));
        }
        if (AccessPolicy.holdsAnywhere(p, Scope.CATALOG_READ)) {
            for (Runbook r : runbooks.list()) {
                out.add(resource("mesh://runbooks/" + r.id(), r.id(), null, "Runbook " + r.id()));
            }
        }
        return out;
    }

    List<String> productIds(Principal p) {
        return products.list().stream()
                .filter(d -> allowed(p, Scope.CATALOG_READ, d.domain(), d.id()))
                .map(DataProduct::id)
                .toList();
    }

    List<String> contractIds(Principal p) {
        return products.list().stream()
                .filter(d -> d.contract() != null && allowed(p, Scope.CONTRACTS_READ, d.domain(), d.id()))
                .map(DataProduct::contract)
                .distinct()
                .toList();
    }

    List<String> contractVersions(Principal p, String contractId) {
        return contractIds(p).contains(contractId) ? contracts.versions(contractId) : List.of();
    }

    List<String> incidentIds(Principal p) {
        return visibleIncidents(p).stream().map(Incident::id).toList();
    }

    List<String> runbookIds(Principal p) {
        return AccessPolicy.holdsAnywhere(p, Scope.CATALOG_READ)
                ? runbooks.list().stream().map(Runbook::id).toList()
                : List.of();
    }

    private List<Incident> visibleIncidents(Principal p) {
        Stream<Incident> all = incidents.list(false).stream();
        return all.filter(i -> i.productId() != null
                        && allowed(p, Scope.INCIDENTS_READ, domainOf(i.productId()), i.productId()))
                .toList();
    }

    private static boolean allowed(Principal p, Scope scope, String domain, String product) {
        return domain != null
                && AccessPolicy.check(p, scope, Resource.product(domain, product))
                        .allowed();
    }

    private static String domainOf(String productId) {
        int dot = productId.indexOf('.');
        return dot <= 0 ? null : productId.substring(0, dot);
    }

    private static McpSchema.Resource resource(String uri, String name, String title, String description) {
        return McpSchema.Resource.builder(uri, name)
                .title(title)
                .description(description)
                .mimeType(JSON)
                .build();
    }
}
