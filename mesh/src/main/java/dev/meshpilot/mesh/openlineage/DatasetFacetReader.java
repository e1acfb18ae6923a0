package dev.meshpilot.mesh.openlineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a dataset's facet containers. In {@code facets}: {@code schema}, {@code columnLineage},
 * {@code ownership}, and {@code dataQualityMetrics}/{@code dataQualityAssertions} (some producers put them
 * there); in {@code inputFacets}: {@code dataQualityMetrics}, {@code dataQualityAssertions}; in
 * {@code outputFacets}: {@code outputStatistics}. Every other facet is kept as received.
 */
final class DatasetFacetReader {
    /** Which container is read. */
    enum Kind {
        DATASET,
        INPUT,
        OUTPUT
    }

    private static final int MAX_DEPTH = 32;

    private DatasetFacetReader() {}

    static DatasetFacets read(Cursor container, Kind kind) {
        Map<String, Cursor> facets = FacetContainer.facets(container);
        if (facets.isEmpty()) {
            return DatasetFacets.EMPTY;
        }
        boolean dataset = kind == Kind.DATASET;
        boolean quality = kind != Kind.OUTPUT;
        Cursor schema = dataset ? facets.get("schema") : null;
        Cursor lineage = dataset ? facets.get("columnLineage") : null;
        Cursor ownership = dataset ? facets.get("ownership") : null;
        Cursor metrics = quality ? facets.get("dataQualityMetrics") : null;
        Cursor assertions = quality ? facets.get("dataQualityAssertions") : null;
        Cursor statistics = kind == Kind.OUTPUT ? facets.get("outputStatistics") : null;
        return new DatasetFacets(
                schema == null ? null : schema(schema),
                lineage == null ? null : columnLineage(lineage),
                ownership == null ? null : FacetContainer.ownership(ownership),
                metrics == null ? null : QualityFacetReader.metrics(metrics),
                assertions == null ? null : QualityFacetReader.assertions(assertions),
                statistics == null ? null : QualityFacetReader.outputStatistics(statistics),
                FacetContainer.raw(facets));
    }

    /** {@code schema}: {@code fields} (optional) is an array of objects with a {@code name}, nested at will. */
    static SchemaFacet schema(Cursor facet) {
        return new SchemaFacet(fields(facet, 0));
    }

    private static List<SchemaFacet.Field> fields(Cursor parent, int depth) {
        List<SchemaFacet.Field> fields = new ArrayList<>();
        for (Cursor f : parent.array("fields", false, "")) {
            if (depth > MAX_DEPTH) {
                f.problem("fields nested more than " + MAX_DEPTH + " levels deep");
                break;
            }
            if (f.isObject("a field (an object with name)")) {
                String name = f.text("name", true);
                String type = f.text("type", false);
                String description = f.text("description", false);
                f.integer("ordinal_position");
                List<SchemaFacet.Field> children = fields(f, depth + 1);
                if (name != null) {
                    fields.add(new SchemaFacet.Field(name, type, description, children));
                }
            }
        }
        return fields;
    }

    /**
     * {@code columnLineage}: {@code fields} (required) maps each output field to {@code inputFields}, an array
     * of objects with {@code namespace}, {@code name} and {@code field}; {@code transformations} optional.
     */
    static ColumnLineageFacet columnLineage(Cursor facet) {
        List<ColumnLineageFacet.Edge> edges = new ArrayList<>();
        Cursor fields = facet.object("fields", true, "an object mapping each output field to its inputFields");
        if (fields != null) {
            fields.members().forEach((outputField, f) -> {
                if (f.isObject("an object with inputFields")) {
                    String legacy = f.text("transformationType", false);
                    f.text("transformationDescription", false);
                    for (Cursor in : f.array("inputFields", true, "an array of input fields")) {
                        ColumnLineageFacet.Edge edge = edge(outputField, in, legacy);
                        if (edge != null) {
                            edges.add(edge);
                        }
                    }
                }
            });
        }
        facet.array("dataset", false, "").forEach(in -> edge("", in, null));
        return new ColumnLineageFacet(edges);
    }

    private static ColumnLineageFacet.Edge edge(String outputField, Cursor in, String legacy) {
        if (!in.isObject("an input field (an object with namespace, name and field)")) {
            return null;
        }
        String namespace = in.text("namespace", true);
        String name = in.text("name", true);
        String field = in.text("field", true);
        List<String> how = new ArrayList<>();
        for (Cursor t : in.array("transformations", false, "")) {
            if (t.isObject("a transformation (an object with type)")) {
                String type = t.text("type", true);
                String subtype = t.text("subtype", false);
                t.text("description", false);
                t.bool("masking", false);
                if (type != null) {
                    how.add(subtype == null ? type : type + "/" + subtype);
                }
            }
        }
        String transformation = how.isEmpty() ? legacy : String.join(", ", how);
        return namespace == null || name == null || field == null
                ? null
                : new ColumnLineageFacet.Edge(outputField, namespace, name, field, transformation);
    }
}
