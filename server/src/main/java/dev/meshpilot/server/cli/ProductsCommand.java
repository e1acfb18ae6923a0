package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Products;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshpilot products}: lists the data products. */
@Command(name = "products", mixinStandardHelpOptions = true, description = "List the data products.")
final class ProductsCommand implements Callable<Integer> {
    @Mixin
    HomeOptions home;

    @Option(names = "--domain", description = "Only this domain's products.")
    String domain;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<DataProduct> products = new Products(home.openStore())
                .list().stream()
                        .filter(p -> domain == null || p.domain().equals(domain))
                        .toList();
        var out = spec.commandLine().getOut();
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
