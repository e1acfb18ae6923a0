package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;
import java.util.List;

/** The result of {@code list_products}: the data products of the mesh or of one domain, by id. */
public record ProductList(
        @JsonPropertyDescription("Products on this page, by id.")
        List<Item> products,

        @JsonPropertyDescription("Products in scope that the caller may read.")
        int total,

        @JsonPropertyDescription("Products on this page.") int returned,

        @Nullable @JsonPropertyDescription("Cursor of the next page; null on the last.")
        String nextCursor) {
    public ProductList {
        products = List.copyOf(products);
    }

    /** One product: its id, domain, criticality and owning team. */
    public record Item(
            @JsonPropertyDescription("Product id.") String id,
            @JsonPropertyDescription("Domain id.") String domain,

            @JsonPropertyDescription("critical, high, medium or low.")
            String criticality,

            @Nullable @JsonPropertyDescription("Owning team id.")
            String owner) {}
}
