package dev.meshpilot.sandbox.principal;

/**
 * What a call touches: a product (with its domain), a whole domain ({@code product} null), or the whole
 * mesh ({@link #MESH}, both null). Immutable.
 *
 * <pre>{@code
 * Resource r = Resource.product("customers", "customers.profile");
 * }</pre>
 */
public record Resource(String domain, String product) {
    public static final Resource MESH = new Resource(null, null);

    public Resource {
        if (product != null && domain == null) {
            throw new IllegalArgumentException("a product resource needs its domain: " + product);
        }
        if ((domain != null && domain.isBlank()) || (product != null && product.isBlank())) {
            throw new IllegalArgumentException("a resource names a blank domain or product");
        }
    }

    public static Resource product(String domain, String product) {
        return new Resource(domain, product);
    }

    public static Resource domain(String domain) {
        return new Resource(domain, null);
    }

    @Override
    public String toString() {
        return product != null ? "product " + product : domain != null ? "domain " + domain : "the mesh";
    }
}
