package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Products;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code meshpilot products}: lists the data products. */
@Command(name = "products", mixinStandardHelpOptions = true, description = "List the data products.")
final class ProductsCommand extends StoreCommand {

    @Option(names = "--domain", description = "Only this domain's products.")
    String domain;

    @Override
    public Integer call() {
        List<DataProduct> products = new Products(home.openStore())
                .list().stream()
                        .filter(p -> domain == null || p.domain().equals(domain))
                        .toList();
        var out = out();
        if (format == Format.json) {
            Output.json(out, products);
        } else {
            Output.table(
                    out,
                    List.of("ID", "NAME", "OWNER", "CRITICALITY", "CONTRACT"),
                    products.stream()
                            .map(p -> List.of(
                                    p.id(),
                                    p.name(),
                                    Objects.toString(p.owner(), "-"),
                                    p.criticality().wireName(),
                                    Objects.toString(p.contract(), "-")))
                            .toList());
        }
        return 0;
    }
}
