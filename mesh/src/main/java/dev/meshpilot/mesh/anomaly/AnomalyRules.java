package dev.meshpilot.mesh.anomaly;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.mesh.store.MeshStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads the loaded {@code anomalies.yaml} declarations back from the store. Thread-safe. */
public final class AnomalyRules {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MeshStore store;

    public AnomalyRules(MeshStore store) {
        this.store = store;
    }

    /** The rules that apply to a product (its own and the mesh-wide ones), in declaration order. */
    public List<AnomalyRule> forProduct(String productId) {
        return store.withHandle(h -> h.createQuery(
                        "SELECT kind, product_id, metric, from_ts, to_ts, reason, settings_json FROM anomaly_rule "
                                + "WHERE product_id IS NULL OR product_id = :product ORDER BY seq")
                .bind("product", productId)
                .map((rs, ctx) -> new AnomalyRule(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs.getString(4)),
                        instant(rs.getString(5)),
                        rs.getString(6),
                        settings(rs.getString(7))))
                .list());
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static Map<String, String> settings(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings as the store keeps them. */
    public static String json(Map<String, String> settings) {
        try {
            return settings.isEmpty() ? null : JSON.writeValueAsString(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
