package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.mesh.product.Slo;
import dev.meshpilot.mesh.view.ProductViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code meshpilot product ID}: shows one data product ({@code --format json}: its {@code ProductView}). */
@Command(name = "product", mixinStandardHelpOptions = true, description = "Show one data product.")
final class ProductCommand extends StoreCommand {

    @Parameters(paramLabel = "ID", description = "The product id, <domain>.<name>.")
    String id;

    @Override
    public Integer call() {
        var store = home.openStore();
        DataProduct p = new Products(store)
                .get(id)
                .orElseThrow(() -> new MeshpilotException(
                        ErrorCode.NOT_FOUND, "no product '" + id + "' (list them with: meshpilot products)"));
        var out = out();
        if (format == Format.json) {
            Output.json(out, new ProductViews(store).of(p));
            return 0;
        }
        out.printf("%s — %s%n", p.id(), p.name());
        if (p.description() != null) {
            out.printf("  %s%n", p.description());
        }
        out.printf(
                "  domain: %s   owner: %s%s   criticality: %s%n",
                p.domain(),
                p.owner(),
                p.ownerDeclared() ? "" : " (domain owner)",
                p.criticality().wireName());
        out.printf("  contract: %s   tags: %s%n", p.contract(), String.join(", ", p.tags()));
        p.outputPorts().forEach(port -> out.printf("  port: %s / %s%n", port.namespace(), port.name()));
        for (Slo slo : p.slos()) {
            out.printf(
                    "  slo: %s %s%s%n",
                    slo.kind(), slo.target(), slo.description() == null ? "" : " — " + slo.description());
        }
        return 0;
    }
}
