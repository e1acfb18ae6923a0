package dev.meshpilot.tools.support;

import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.sandbox.principal.Resource;
import java.util.Comparator;
import java.util.List;

/** Product ids as the gate sees them, and the suggestions a tool gives for an unknown one. */
public final class ProductRefs {
    private ProductRefs() {}

    /** The resource a product id names: product ids are {@code <domain>.<name>} (the loader enforces it). */
    public static Resource resource(String productId) {
        int dot = productId.indexOf('.');
        return dot <= 0 ? Resource.MESH : Resource.product(productId.substring(0, dot), productId);
    }

    /** "no product 'x'" with up to three close ids, for an error an agent can act on. */
    public static String unknown(String productId, List<DataProduct> products) {
        List<String> close = products.stream()
                .map(DataProduct::id)
                .sorted(Comparator.comparingInt((String id) -> distance(id, productId))
                        .thenComparing(id -> id))
                .limit(3)
                .filter(id -> distance(id, productId) <= Math.max(3, productId.length() / 3))
                .toList();
        return "no data product '" + productId + "'"
                + (close.isEmpty()
                        ? "; search_catalog finds products by name or topic"
                        : "; did you mean " + String.join(", ", close) + "?");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
