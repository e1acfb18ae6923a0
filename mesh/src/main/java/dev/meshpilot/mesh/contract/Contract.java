package dev.meshpilot.mesh.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of an ODCS v3 data contract. {@code documentJson} is the whole contract as JSON, kept so
 * nothing the typed model leaves out is lost.
 */
public record Contract(
        String id,
        String version,
        String status,
        String apiVersion,
        String name,
        String domain,
        String dataProduct,
        String description,
        List<SchemaObject> objects,
        List<SlaProperty> slaProperties,
        List<ContractRole> roles,
        String documentJson) {
    public Contract {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        objects = List.copyOf(objects);
        slaProperties = List.copyOf(slaProperties);
        roles = List.copyOf(roles);
    }

    public Optional<SchemaObject> object(String name) {
        return objects.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public Optional<SlaProperty> sla(String property) {
        return slaProperties.stream()
                .filter(s -> s.property().equalsIgnoreCase(property))
                .findFirst();
    }
}
