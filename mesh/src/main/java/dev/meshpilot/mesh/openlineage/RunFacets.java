package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * The run facets of an event: the ones Meshpilot reads, typed, and every facet as received in {@link #raw()}.
 *
 * @param parent the {@code parent} facet, or {@code null}
 * @param errorMessage the {@code errorMessage} facet, or {@code null}
 * @param raw every run facet as received, the known ones included; unknown facets are kept here untouched
 */
public record RunFacets(ParentRunFacet parent, ErrorMessageFacet errorMessage, Map<String, JsonNode> raw) {
    static final Set<String> KNOWN = Set.of("parent", "errorMessage");
    public static final RunFacets EMPTY = new RunFacets(null, null, Map.of());

    public RunFacets {
        raw = Raw.copy(raw);
    }

    /** The facets Meshpilot does not interpret (e.g. {@code airflow}, {@code processing_engine}). */
    public Map<String, JsonNode> unknown() {
        return Raw.without(raw, KNOWN);
    }
}
