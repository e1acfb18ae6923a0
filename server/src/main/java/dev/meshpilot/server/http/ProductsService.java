package dev.meshpilot.server.http;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.mesh.product.Products;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/** {@code GET /api/v1/products} and {@code GET /api/v1/products/{id}}. */
final class ProductsService implements HttpService {
    private final Products products;

    ProductsService(Products products) {
        this.products = products;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list).get("/{id}", this::one);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Problems.json(res, Status.OK_200, java.util.Map.of("products", products.list()));
    }

    private void one(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        products.get(id)
                .ifPresentOrElse(
                        p -> Problems.json(res, Status.OK_200, p),
                        () -> Problems.send(
                                res, Status.NOT_FOUND_404, ErrorCode.NOT_FOUND, "no product '" + id + "'", List.of()));
    }
}
