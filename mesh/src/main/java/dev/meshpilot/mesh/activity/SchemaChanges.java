package dev.meshpilot.mesh.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.mesh.store.MeshStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The schema changes of a product's datasets, from the history of their OpenLineage schema facets
 * ({@code schema_observation}): each column added, removed or retyped between two consecutive observations, as a
 * point of the series {@code schema_change} of that column (value {@link #ADDED}, {@link #REMOVED} or
 * {@link #RETYPED}). Nested fields are named {@code parent.child}. The first observation is the baseline.
 */
public final class SchemaChanges {
    public static final double ADDED = 1;
    public static final double REMOVED = -1;
    public static final double RETYPED = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaChanges() {}

    /** The changes observed in [since, until] (either may be null), by dataset then time. */
    static List<MetricPoint> of(MeshStore store, String productId, Instant since, Instant until) {
        List<String[]> rows = store.withHandle(h -> h.createQuery(
                        "SELECT o.name, o.observed_at, o.fields_json FROM product_port p JOIN schema_observation o "
                                + "ON o.namespace = p.namespace AND o.name = p.name WHERE p.product_id = :product "
                                + "ORDER BY o.namespace, o.name, o.observed_at")
                .bind("product", productId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list());
        List<MetricPoint> out = new ArrayList<>();
        String dataset = null;
        Map<String, String> before = null;
        for (String[] r : rows) {
            Map<String, String> now = columns(r[2]);
            Instant at = Instant.parse(r[1]);
            boolean inWindow = (since == null || !at.isBefore(since)) && (until == null || !at.isAfter(until));
            if (r[0].equals(dataset) && before != null && inWindow) {
                for (var e : now.entrySet()) {
                    String old = before.get(e.getKey());
                    if (!before.containsKey(e.getKey())) {
                        out.add(new MetricPoint(r[0], "schema_change", e.getKey(), at, ADDED, null));
                    } else if (!Objects.equals(old, e.getValue())) {
                        out.add(new MetricPoint(r[0], "schema_change", e.getKey(), at, RETYPED, null));
                    }
                }
                for (String c : before.keySet()) {
                    if (!now.containsKey(c)) {
                        out.add(new MetricPoint(r[0], "schema_change", c, at, REMOVED, null));
                    }
                }
            }
            dataset = r[0];
            before = now;
        }
        out.sort(java.util.Comparator.comparing(MetricPoint::column).thenComparing(MetricPoint::at));
        return out;
    }

    /** Column name to type (null when the facet gives none), nested fields flattened. */
    static Map<String, String> columns(String fieldsJson) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            flatten(JSON.readTree(fieldsJson), "", out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("schema_observation holds invalid JSON: " + e.getMessage(), e);
        }
        return out;
    }

    private static void flatten(JsonNode fields, String prefix, Map<String, String> out) {
        for (JsonNode f : fields) {
            String name = prefix + f.path("name").asText();
            out.put(name, f.path("type").isTextual() ? f.path("type").asText() : null);
            if (f.path("fields").isArray()) {
                flatten(f.path("fields"), name + ".", out);
            }
        }
    }
}
