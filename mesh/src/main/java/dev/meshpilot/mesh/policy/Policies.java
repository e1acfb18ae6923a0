package dev.meshpilot.mesh.policy;

import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.List;
import java.util.Optional;

/** Reads governance policies from the store, by id. Thread-safe. */
public final class Policies {
    private final MeshStore store;

    public Policies(MeshStore store) {
        this.store = store;
    }

    public List<Policy> list() {
        return store.withHandle(h -> h.createQuery("SELECT document_json FROM policy ORDER BY id")
                .mapTo(String.class)
                .map(json -> Json.read(json, Policy.class))
                .list());
    }

    public Optional<Policy> get(String id) {
        return store.withHandle(h -> h.createQuery("SELECT document_json FROM policy WHERE id = ?")
                .bind(0, id)
                .mapTo(String.class)
                .map(json -> Json.read(json, Policy.class))
                .findOne());
    }
}
