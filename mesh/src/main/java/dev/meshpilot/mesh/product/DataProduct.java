package dev.meshpilot.mesh.product;

import java.util.List;
import java.util.Objects;

/**
 * A data product, id {@code <domain>.<name>}. {@code owner} is the owning team (the domain's owner when
 * the product declares none; {@code ownerDeclared} tells which); {@code contract} the id of its ODCS
 * contract, or {@code null}.
 */
public record DataProduct(
        String id,
        String domain,
        String name,
        String description,
        String owner,
        boolean ownerDeclared,
        Criticality criticality,
        List<String> tags,
        String contract,
        List<OutputPort> outputPorts,
        List<Slo> slos) {
    public DataProduct {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(criticality, "criticality");
        tags = List.copyOf(tags);
        outputPorts = List.copyOf(outputPorts);
        slos = List.copyOf(slos);
    }
}
