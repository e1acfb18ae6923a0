package dev.meshpilot.mesh.openlineage;

import java.util.List;
import java.util.Objects;

/** The {@code schema} dataset facet: the dataset's fields, possibly nested. */
public record SchemaFacet(List<Field> fields) {
    public SchemaFacet {
        fields = List.copyOf(fields);
    }

    /**
     * One field (column).
     *
     * @param name the field name (required)
     * @param type the type as the producer names it (e.g. {@code INTEGER}, {@code string}), or {@code null}
     * @param description or {@code null}
     * @param fields nested fields of a struct, empty otherwise
     */
    public record Field(String name, String type, String description, List<Field> fields) {
        public Field {
            Objects.requireNonNull(name, "name");
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }
}
