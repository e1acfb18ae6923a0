package dev.meshpilot.mesh.openlineage;

import java.util.List;
import java.util.Objects;

/** The {@code ownership} facet of a job or a dataset. */
public record OwnershipFacet(List<Owner> owners) {
    public OwnershipFacet {
        owners = List.copyOf(owners);
    }

    /** One owner: a name (e.g. {@code team:payments}) and an optional type (e.g. {@code MAINTAINER}). */
    public record Owner(String name, String type) {
        public Owner {
            Objects.requireNonNull(name, "name");
        }
    }
}
