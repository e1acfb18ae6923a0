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

    /**
     * The schema of a product's output dataset as its latest OpenLineage schema facet gave it (top-level fields in
     * order), from the history kept in {@code schema_observation}; empty when no event carried one.
     */
    public Optional<ObservedSchema> lineageSchema(String productId) {
        return store.withHandle(h -> h.createQuery(
                        "SELECT o.observed_at, o.fields_json FROM product_port p JOIN schema_observation o "
                                + "ON o.namespace = p.namespace AND o.name = p.name WHERE p.product_id = :product "
                                + "ORDER BY o.observed_at DESC LIMIT 1")
                .bind("product", productId)
                .map((rs, ctx) -> {
                    List<ObservedSchema.Column> columns = new ArrayList<>();
                    for (var f : Json.read(rs.getString(2), com.fasterxml.jackson.databind.JsonNode.class)) {
                        columns.add(new ObservedSchema.Column(
                                f.path("name").asText(),
                                f.path("type").isTextual() ? f.path("type").asText() : null));
                    }
                    return new ObservedSchema(productId, instant(rs.getString(1)), columns);
                })
                .findOne());
    }

    /** The newer of the warehouse snapshot ({@link #schema}) and the latest OpenLineage facet ({@link #lineageSchema}). */
    public Optional<ObservedSchema> latestSchema(String productId) {
        Optional<ObservedSchema> snapshot = schema(productId);
        Optional<ObservedSchema> lineage = lineageSchema(productId);
        if (snapshot.isEmpty()) {
            return lineage;
        }
        if (lineage.isEmpty()) {
            return snapshot;
        }
        return lineage.get().observedAt().isAfter(snapshot.get().observedAt()) ? lineage : snapshot;
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
