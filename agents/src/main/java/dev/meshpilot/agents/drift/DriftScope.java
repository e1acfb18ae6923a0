package dev.meshpilot.agents.drift;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.view.ProductView;
import java.util.List;
import java.util.Locale;

/** What a drift run covers: the whole mesh ({@code mesh}), a domain ({@code customers}) or a product id. */
record DriftScope(String name, String domain, String product) {
    static DriftScope parse(String input) {
        String s = input == null ? "" : input.strip();
        if (s.isEmpty() || s.toLowerCase(Locale.ROOT).equals("mesh") || s.equals("*")) {
            return new DriftScope("mesh", null, null);
        }
        if (!s.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new MeshpilotException(
                    ErrorCode.USAGE, "scope '" + s + "' is not valid: give mesh, a domain id or a product id");
        }
        return s.contains(".") ? new DriftScope(s, s.substring(0, s.indexOf('.')), s) : new DriftScope(s, s, null);
    }

    /** The products in scope, by id; not_found naming what exists when nothing matches. */
    List<ProductView> select(List<ProductView> all) {
        List<ProductView> out = all.stream()
                .filter(p -> product != null
                        ? p.id().equals(product)
                        : domain == null || p.domain().id().equals(domain))
                .toList();
        if (out.isEmpty() && (domain != null || product != null)) {
            List<String> domains =
                    all.stream().map(p -> p.domain().id()).distinct().sorted().toList();
            throw new MeshpilotException(
                    ErrorCode.NOT_FOUND,
                    "no " + (product != null ? "product " : "domain ") + name + " in the mesh; give mesh, a domain ("
                            + String.join(", ", domains) + ") or a product id (meshpilot products)");
        }
        return out;
    }
}
