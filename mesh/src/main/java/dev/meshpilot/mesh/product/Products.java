package dev.meshpilot.mesh.product;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Reads data products from the store.
 *
 * <pre>{@code
 * Optional<DataProduct> p = new Products(store).get("finance.revenue_daily");
 * }</pre>
 *
 * <p>Thread-safe; every call reads the store afresh.
 */
public final class Products {
    private static final String COLUMNS =
            "id, domain, name, description, owner, owner_declared, criticality, " + "tags_json, contract_id, slos_json";

    private final MeshStore store;

    public Products(MeshStore store) {
        this.store = store;
    }

    public List<DataProduct> list() {
        return store.withHandle(h -> {
            Map<String, List<OutputPort>> ports = ports(h, null);
            return h.createQuery("SELECT " + COLUMNS + " FROM product ORDER BY id")
                    .map((rs, ctx) -> product(rs, ports.getOrDefault(rs.getString("id"), List.of())))
                    .list();
        });
    }

    public Optional<DataProduct> get(String id) {
        return store.withHandle(h -> {
            Map<String, List<OutputPort>> ports = ports(h, id);
            return h.createQuery("SELECT " + COLUMNS + " FROM product WHERE id = ?")
                    .bind(0, id)
                    .map((rs, ctx) -> product(rs, ports.getOrDefault(id, List.of())))
                    .findOne();
        });
    }

    /** The criticality and owner of a product, for ranking many at once. */
    public record Summary(String id, String domain, Criticality criticality, String owner) {}

    /** Summaries of every product, by id. */
    public Map<String, Summary> summaries() {
        Map<String, Summary> out = new HashMap<>();
        store.useHandle(h -> h.createQuery("SELECT id, domain, criticality, owner FROM product")
                .map((rs, ctx) ->
                        new Summary(rs.getString(1), rs.getString(2), Criticality.of(rs.getString(3)), rs.getString(4)))
                .forEach(s -> out.put(s.id(), s)));
        return out;
    }

    /** Whether a product with this id is loaded (one primary-key lookup, no ports read). */
    public boolean exists(String id) {
        return store.withHandle(h -> h.createQuery("SELECT 1 FROM product WHERE id = ?")
                .bind(0, id)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
    }

    /** The product whose contract {@code contractId} is, if one declares it (the first by id). */
    public Optional<String> withContract(String contractId) {
        return store.withHandle(h -> h.createQuery("SELECT id FROM product WHERE contract_id = ? ORDER BY id LIMIT 1")
                .bind(0, contractId)
                .mapTo(String.class)
                .findOne());
    }

    public Optional<Domain> domain(String id) {
        return store.withHandle(
                h -> h.createQuery("SELECT id, name, description, owner, oncall, chat FROM domain WHERE id = ?")
                        .bind(0, id)
                        .map((rs, ctx) -> new Domain(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6)))
                        .findOne());
    }

    private static Map<String, List<OutputPort>> ports(Handle h, String productId) {
        Map<String, List<OutputPort>> out = new HashMap<>();
        String sql = "SELECT product_id, namespace, name, description FROM product_port"
                + (productId == null ? "" : " WHERE product_id = :id") + " ORDER BY namespace, name";
        var query = h.createQuery(sql);
        if (productId != null) {
            query.bind("id", productId);
        }
        query.map((rs, ctx) ->
                        Map.entry(rs.getString(1), new OutputPort(rs.getString(2), rs.getString(3), rs.getString(4))))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>())
                        .add(e.getValue()));
        return out;
    }

    private static DataProduct product(java.sql.ResultSet rs, List<OutputPort> ports) throws java.sql.SQLException {
        return new DataProduct(
                rs.getString("id"),
                rs.getString("domain"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("owner"),
                rs.getInt("owner_declared") == 1,
                Criticality.of(rs.getString("criticality")),
                Json.read(rs.getString("tags_json"), new TypeReference<List<String>>() {}),
                rs.getString("contract_id"),
                ports,
                Json.read(rs.getString("slos_json"), new TypeReference<List<Slo>>() {}));
    }
}
