package dev.meshpilot.mesh.observed;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.store.MeshStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what was observed in the platform (grants, physical schemas, retention) from the store. Thread-safe. */
public final class Observations {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final MeshStore store;

    public Observations(MeshStore store) {
        this.store = store;
    }

    /** Observed grants on one product, or on every product when {@code productId} is null; by product, principal. */
    public List<ObservedGrant> grants(String productId) {
        String where = productId == null ? "" : " WHERE product_id = :p";
        return store.withHandle(h -> {
            var q = h.createQuery(
                    "SELECT principal, product_id, privilege, columns_json, granted_at FROM observed_grant" + where
                            + " ORDER BY product_id, principal, privilege");
            if (productId != null) {
                q.bind("p", productId);
            }
            return q.map((rs, ctx) -> new ObservedGrant(
                            rs.getString("principal"),
                            rs.getString("product_id"),
                            rs.getString("privilege"),
                            rs.getString("columns_json") == null
                                    ? List.of()
                                    : Json.read(rs.getString("columns_json"), STRINGS),
                            instant(rs.getString("granted_at"))))
                    .list();
        });
    }

    /** The observed physical schema of a product's table, in column order. */
    public Optional<ObservedSchema> schema(String productId) {
        return store.withHandle(h -> {
            List<ObservedSchema.Column> columns = new ArrayList<>();
            Instant[] observedAt = {null};
            h.createQuery("SELECT column_name, type, observed_at FROM observed_schema WHERE product_id = ? "
                            + "ORDER BY position")
                    .bind(0, productId)
                    .map((rs, ctx) -> {
                        observedAt[0] = instant(rs.getString("observed_at"));
                        return new ObservedSchema.Column(rs.getString("column_name"), rs.getString("type"));
                    })
                    .forEach(columns::add);
            return columns.isEmpty()
                    ? Optional.<ObservedSchema>empty()
                    : Optional.of(new ObservedSchema(productId, observedAt[0], columns));
        });
    }

    /** The observed partition retention of a product's table. */
    public Optional<ObservedRetention> retention(String productId) {
        return store.withHandle(h -> h.createQuery("SELECT product_id, oldest_partition, newest_partition, partitions, "
                        + "observed_at FROM observed_retention WHERE product_id = ?")
                .bind(0, productId)
                .map((rs, ctx) -> new ObservedRetention(
                        rs.getString("product_id"),
                        instant(rs.getString("observed_at")),
                        LocalDate.parse(rs.getString("oldest_partition")),
                        LocalDate.parse(rs.getString("newest_partition")),
                        rs.getObject("partitions") == null ? null : rs.getInt("partitions")))
                .findOne());
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
