package dev.meshpilot.mesh.openlineage;

import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A temp-file store with just enough of a mesh (team, domain, product, port) to map datasets to products. */
final class TestMesh {
    private TestMesh() {}

    static MeshStore store(Path dir) {
        return MeshStore.open(dir.resolve("m.db"));
    }

    /** Declares product {@code productId} ({@code <domain>.<name>}) with output port namespace/name. */
    static void product(MeshStore store, String productId, String namespace, String name) {
        String domain = productId.substring(0, productId.indexOf('.'));
        store.useHandle(h -> {
            h.execute("INSERT INTO team (id, name) VALUES ('team', 'Team') ON CONFLICT DO NOTHING");
            h.execute(
                    "INSERT INTO domain (id, name, owner, source_file) VALUES (?, ?, 'team', ?) ON CONFLICT DO NOTHING",
                    domain,
                    domain,
                    "domains/" + domain + "/domain.yaml");
            h.execute(
                    "INSERT INTO product (id, domain, name, criticality, tags_json, slos_json, "
                            + "source_file) VALUES (?, ?, ?, 'high', '[]', '[]', ?) ON CONFLICT DO NOTHING",
                    productId,
                    domain,
                    productId,
                    "domains/" + domain + "/products/x.yaml");
            h.execute(
                    "INSERT INTO product_port (namespace, name, product_id) VALUES (?, ?, ?)",
                    namespace,
                    name,
                    productId);
        });
    }

    static List<Map<String, Object>> rows(MeshStore store, String sql, Object... args) {
        return store.withHandle(h -> h.select(sql, args).mapToMap().list());
    }

    static Object one(MeshStore store, String sql, Object... args) {
        return store.withHandle(
                h -> h.select(sql, args).mapToMap().one().values().iterator().next());
    }
}
