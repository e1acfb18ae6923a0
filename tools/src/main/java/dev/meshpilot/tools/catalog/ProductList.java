package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;
import dev.meshpilot.mesh.view.ProductView;
import java.time.Instant;
import java.util.List;

/**
 * The result of {@code list_products}: the data products of the mesh or of one domain that the caller may read,
 * each as {@code get_data_product} shows it, a page at a time.
 */
public record ProductList(
        @JsonPropertyDescription("Products on this page, by id.")
        List<ProductView> products,

        @JsonPropertyDescription("Products in scope that the caller may read.")
        int total,

        @JsonPropertyDescription("Products on this page.") int returned,

        @Nullable @JsonPropertyDescription("Cursor of the next page; null on the last.")
        String nextCursor,

        @JsonPropertyDescription("The instant the mesh is judged at: the workspace's asOf, else now.")
        Instant asOf) {
    public ProductList {
        products = List.copyOf(products);
    }
}
