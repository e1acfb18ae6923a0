package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facets one batch brings to a job, dataset or run, merged facet by facet (the later event wins; a
 * facet with {@code "_deleted": true} is a removal), and applied to the stored facets by SQLite at flush with
 * {@code json_patch}: first the {@link #removals()} of every facet named, then the {@link #additions()}. So
 * stored facets are never read back into Java. For a dataset, also the fields of its latest {@code schema}.
 */
final class FacetPatch {
    private final Map<String, JsonNode> facets = new LinkedHashMap<>();
    private final Map<String, Instant> times = new HashMap<>();
    Instant latest;
    String schemaJson;
    private Instant schemaAt;
    /** Every schema seen in this batch by event time (the history of schema_observation). */
    final Map<Instant, String> schemas = new java.util.TreeMap<>();

    void merge(Map<String, JsonNode> received, Instant at) {
        received.forEach((name, facet) -> {
            Instant before = times.get(name);
            if (before == null || !at.isBefore(before)) {
                facets.put(name, facet.path("_deleted").asBoolean(false) ? NullNode.getInstance() : facet);
                times.put(name, at);
            }
        });
        JsonNode schema = received.get("schema");
        if (schema != null && !schema.path("_deleted").asBoolean(false)) {
            JsonNode fields = schema.get("fields");
            schemas.put(at, Json.compact(fields != null && fields.isArray() ? fields : Json.MAPPER.createArrayNode()));
        }
        if (schema != null && (schemaAt == null || !at.isBefore(schemaAt))) {
            JsonNode fields = schema.get("fields");
            schemaJson = Json.compact(fields != null && fields.isArray() ? fields : Json.MAPPER.createArrayNode());
            schemaAt = at;
        }
        if (latest == null || at.isAfter(latest)) {
            latest = at;
        }
    }

    boolean hasFacets() {
        return !facets.isEmpty();
    }

    /** {@code {"name": null, ...}} for every facet named: a merge patch that removes them. */
    String removals() {
        ObjectNode patch = Json.MAPPER.createObjectNode();
        facets.keySet().forEach(patch::putNull);
        return Json.compact(patch);
    }

    /** {@code {"name": facet, ...}} for every facet set (not removed): a merge patch that adds them. */
    String additions() {
        ObjectNode patch = Json.MAPPER.createObjectNode();
        facets.forEach((name, facet) -> {
            if (!facet.isNull()) {
                patch.set(name, facet);
            }
        });
        return Json.compact(patch);
    }

    /**
     * The SQL expression for the merged facets of {@code table}: unchanged when parameter {@code ?<has>} is 0
     * (no facets in this batch); when {@code newer} (an SQL condition: this batch is not older than the row)
     * the removals {@code ?<removals>} then the additions {@code ?<additions>} are patched in; an older batch
     * only adds what the stored facets lack.
     */
    static String mergeSql(String table, int has, String newer, int removals, int additions) {
        String stored = "coalesce(" + table + ".facets_json, '{}')";
        return "CASE WHEN ?" + has + " = 0 THEN " + table + ".facets_json ELSE nullif(CASE WHEN " + newer
                + " THEN json_patch(json_patch(" + stored + ", ?" + removals + "), ?" + additions + ") "
                + "ELSE json_patch(?" + additions + ", " + stored + ") END, '{}') END";
    }
}
