package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.ProductView;
import java.util.List;

/** The result of {@code list_products}: the data products of the mesh or of one domain, by id. */
public record ProductList(
        @JsonPropertyDescription("The products, by id.") List<ProductView> products,

        @JsonPropertyDescription("How many products there are.")
        int total,

        @JsonPropertyDescription("The instant the mesh is judged at: the workspace's asOf, else now.")
        java.time.Instant asOf) {
    public ProductList {
        products = List.copyOf(products);
    }
}
