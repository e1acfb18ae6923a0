package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * The job facets of an event.
 *
 * @param ownership the {@code ownership} facet, or {@code null}
 * @param raw every job facet as received, the known ones included; unknown facets are kept here untouched
 */
public record JobFacets(OwnershipFacet ownership, Map<String, JsonNode> raw) {
    static final Set<String> KNOWN = Set.of("ownership");
    public static final JobFacets EMPTY = new JobFacets(null, Map.of());

    public JobFacets {
        raw = Raw.copy(raw);
    }

    /** The facets Meshpilot does not interpret (e.g. {@code jobType}, {@code sql}). */
    public Map<String, JsonNode> unknown() {
        return Raw.without(raw, KNOWN);
    }
}
