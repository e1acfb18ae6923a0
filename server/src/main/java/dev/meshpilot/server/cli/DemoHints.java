package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.util.List;

/**
 * The "Try:" lines {@code meshpilot demo} prints: the bundled demo's tour of its seeded situations, or, for
 * another workspace, commands built from what it loaded (its first principal, open incident and product).
 * {@code --home} is left out when the home is the default one; {@code {base}} stands for the server's URL.
 */
final class DemoHints {
    private DemoHints() {}

    static String bundled(Path home) {
        String h = homeOption(home);
        return "Try:\n"
                + "  ./meshpilot triage INC-1001 --as alice" + h + "\n"
                + "  ./meshpilot search \"why is the revenue flash late\"" + h + "\n"
                + "  ./meshpilot products" + h + "\n"
                + "  ./meshpilot incident INC-1001" + h + "\n"
                + "  ./meshpilot lineage finance.revenue_daily --upstream" + h + "\n"
                + "  ./meshpilot incidents --open" + h + "\n"
                + "  ./meshpilot sql --as priya" + h
                + " \"SELECT customer_id, email FROM customers__customer_360 LIMIT 3\"   (then --as carmen)\n"
                + "  curl -s {base}/api/v1/products/finance.revenue_daily\n"
                + "  ./meshpilot mcp --as alice" + h + "   (MCP over stdio; see the README for IDE configs)\n"
                + "The five seeded situations are described in examples/acme-retail/README.md.\n";
    }

    static String of(MeshStore store, Path home) {
        String h = homeOption(home);
        List<String> principals = new Directory(store).principalIds();
        String who = principals.isEmpty() ? null : principals.getFirst();
        String incident = new dev.meshpilot.mesh.incident.Incidents(store)
                .list(true).stream().map(Incident::id).findFirst().orElse(null);
        DataProduct product = new Products(store).list().stream().findFirst().orElse(null);
        StringBuilder b = new StringBuilder("Try:\n");
        b.append("  ./meshpilot products").append(h).append('\n');
        b.append("  ./meshpilot incidents --open").append(h).append('\n');
        if (incident != null) {
            b.append("  ./meshpilot incident ").append(incident).append(h).append('\n');
            if (who != null) {
                b.append("  ./meshpilot triage ")
                        .append(incident)
                        .append(" --as ")
                        .append(who)
                        .append(h)
                        .append('\n');
            }
        }
        if (product != null) {
            b.append("  ./meshpilot lineage ")
                    .append(product.id())
                    .append(" --upstream")
                    .append(h)
                    .append('\n');
            b.append("  ./meshpilot search \"")
                    .append(product.name())
                    .append('"')
                    .append(h)
                    .append('\n');
            b.append("  curl -s {base}/api/v1/products/").append(product.id()).append('\n');
        }
        if (who != null) {
            b.append("  ./meshpilot mcp --as ")
                    .append(who)
                    .append(h)
                    .append("   (MCP over stdio; see the README for IDE configs)\n");
        }
        return b.toString();
    }

    /** {@code " --home DIR"}, or nothing when {@code home} is the default home. */
    static String homeOption(Path home) {
        return home.toAbsolutePath()
                        .normalize()
                        .equals(HomeOptions.defaultHome().toAbsolutePath().normalize())
                ? ""
                : " --home " + home;
    }
}
