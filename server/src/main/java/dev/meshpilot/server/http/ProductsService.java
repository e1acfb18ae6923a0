package dev.meshpilot.server.http;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.mesh.view.ProductViews;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Decision;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/products} (the products the caller's {@code catalog:read} covers) and
 * {@code GET /api/v1/products/{id}} (403 when it does not cover that product), behind {@link RestAuth}; each
 * product is a {@link ProductView}, the shape the tool {@code get_data_product} and the MCP resource return.
 */
final class ProductsService implements HttpService {
    private final Products products;
    private final ProductViews views;
    private final RestAuth auth;

    ProductsService(Products products, ProductViews views, RestAuth auth) {
        this.products = products;
        this.views = views;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list).get("/{id}", this::one);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Principal p = RestAuth.principal(req);
        List<ProductView> visible = products.list().stream()
                .filter(d ->
                        AccessPolicy.check(p, Scope.CATALOG_READ, resource(d)).allowed())
                .map(views::of)
                .toList();
        Problems.json(res, Status.OK_200, Map.of("products", visible));
    }

    private void one(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        DataProduct product = products.get(id).orElse(null);
        if (product == null) {
            Problems.send(res, Status.NOT_FOUND_404, ErrorCode.NOT_FOUND, "no product '" + id + "'", List.of());
            return;
        }
        Principal p = RestAuth.principal(req);
        Decision d = AccessPolicy.check(p, Scope.CATALOG_READ, resource(product));
        if (!d.allowed()) {
            auth.refuse(req, res, p, d.reason());
            return;
        }
        Problems.json(res, Status.OK_200, views.of(product));
    }

    private static Resource resource(DataProduct p) {
        return Resource.product(p.domain(), p.id());
    }
}
