package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a facet container ({@code run.facets}, {@code job.facets}, a dataset's {@code facets},
 * {@code inputFacets} or {@code outputFacets}): each facet must be an object; a {@code null} facet is absent.
 * Also reads the facets shared by several containers ({@code ownership}) and the job facets.
 */
final class FacetContainer {
    private FacetContainer() {}

    /** The facets of {@code container} that are objects, by name; empty when the container is absent. */
    static Map<String, Cursor> facets(Cursor container) {
        Map<String, Cursor> facets = new LinkedHashMap<>();
        if (container != null) {
            container.members().forEach((name, facet) -> {
                if (facet.isObject("an object (a facet)")) {
                    facets.put(name, facet);
                }
            });
        }
        return facets;
    }

    static Map<String, JsonNode> raw(Map<String, Cursor> facets) {
        Map<String, JsonNode> raw = new LinkedHashMap<>();
        facets.forEach((name, facet) -> raw.put(name, facet.node()));
        return raw;
    }

    static JobFacets jobFacets(Cursor container) {
        Map<String, Cursor> facets = facets(container);
        if (facets.isEmpty()) {
            return JobFacets.EMPTY;
        }
        Cursor ownership = facets.get("ownership");
        return new JobFacets(ownership == null ? null : ownership(ownership), raw(facets));
    }

    /** {@code ownership}: {@code owners} (optional) is an array of objects with a {@code name}. */
    static OwnershipFacet ownership(Cursor facet) {
        int before = facet.problemCount();
        List<OwnershipFacet.Owner> owners = facet.array("owners", false, "").stream()
                .filter(o -> o.isObject("an owner (an object with name)"))
                .map(o -> {
                    String name = o.text("name", true);
                    String type = o.text("type", false);
                    return name == null ? null : new OwnershipFacet.Owner(name, type);
                })
                .toList();
        return facet.problemCount() == before ? new OwnershipFacet(owners) : null;
    }
}
