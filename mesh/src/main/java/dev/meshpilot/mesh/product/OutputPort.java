package dev.meshpilot.mesh.product;

import java.util.Objects;

/** Where a product's data lives, named as an OpenLineage dataset (namespace + name). */
public record OutputPort(String namespace, String name, String description) {
    public OutputPort {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    public String key() {
        return namespace + "|" + name;
    }
}
