package dev.meshpilot.server.cli;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.lineage.ProductLineage;
import dev.meshpilot.mesh.lineage.ProductLineage.Direction;
import dev.meshpilot.mesh.lineage.ProductLineage.Hop;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code meshpilot lineage ID [--upstream|--downstream]}: products upstream or downstream of one. */
@Command(
        name = "lineage",
        mixinStandardHelpOptions = true,
        description = "Show the products upstream or downstream of a product (downstream by default).")
final class LineageCommand extends StoreCommand {
    static final class Way {
        @Option(names = "--upstream", description = "Walk towards the sources.")
        boolean upstream;

        @Option(names = "--downstream", description = "Walk towards the consumers (default).")
        boolean downstream;
    }

    @Parameters(paramLabel = "ID", description = "The product id.")
    String id;

    @ArgGroup(exclusive = true)
    Way way = new Way();

    @Option(names = "--depth", defaultValue = "10", description = "Maximum hops (default ${DEFAULT-VALUE}).")
    int depth;

    @Override
    public Integer call() {
        MeshStore store = home.openStore();
        if (new Products(store).get(id).isEmpty()) {
            throw new MeshpilotException(
                    ErrorCode.NOT_FOUND, "no product '" + id + "' (list them with: meshpilot products)");
        }
        if (depth < 1) {
            throw new MeshpilotException(ErrorCode.USAGE, "--depth must be at least 1, got " + depth);
        }
        Direction direction = way.upstream ? Direction.UPSTREAM : Direction.DOWNSTREAM;
        List<Hop> hops = new ProductLineage(store).walk(id, direction, depth);
        var out = out();
        if (format == Format.json) {
            Output.json(out, Map.of("product", id, "direction", direction.name().toLowerCase(), "products", hops));
            return 0;
        }
        out.printf(
                "%s of %s: %d products%n",
                direction == Direction.UPSTREAM ? "Upstream" : "Downstream", id, hops.size());
        Output.table(
                out,
                List.of("DEPTH", "PRODUCT", "VIA"),
                hops.stream()
                        .map(h -> List.of(String.valueOf(h.depth()), h.productId(), h.via()))
                        .toList());
        return 0;
    }
}
