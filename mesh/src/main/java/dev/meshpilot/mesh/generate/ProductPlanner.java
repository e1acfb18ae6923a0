package dev.meshpilot.mesh.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans the products, in lineage order, spread round-robin over the domains. A source is named like
 * {@code orders_raw}, a derived product like {@code orders_daily}; a clash within a domain gets a number.
 * The first product, the biggest hub, is always critical.
 */
final class ProductPlanner {
    private ProductPlanner() {}

    static MeshPlan plan(GeneratorSpec spec) {
        OrgPlanner org = OrgPlanner.plan(spec.seed(), spec.products());
        List<DomainPlan> domains = org.domains();
        Lineage lineage = Lineage.plan(spec.seed(), spec.products(), spec.fanIn());
        List<Set<String>> taken = new ArrayList<>();
        domains.forEach(d -> taken.add(new HashSet<>()));
        List<ProductPlan> products = new ArrayList<>(spec.products());
        for (int i = 0; i < spec.products(); i++) {
            int d = i % domains.size();
            products.add(product(spec.seed(), i, domains.get(d), lineage.isSource(i), taken.get(d)));
        }
        return new MeshPlan(spec, org.teams(), org.people(), domains, products, lineage);
    }

    private static ProductPlan product(long seed, int index, DomainPlan domain, boolean source, Set<String> taken) {
        Rng rng = Rng.of(seed, "product", index);
        String entity = rng.pick(Names.ENTITIES);
        String base = entity + "s_" + rng.pick(source ? Names.SOURCE_VARIANTS : Names.DERIVED_VARIANTS);
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "_" + n;
        }
        Platform platform = domain.platform();
        List<Column> columns = Columns.draw(rng, entity, platform);
        long rows = (long) StrictMath.pow(10, 3 + 5 * rng.nextDouble());
        int rowBytes = columns.size() * rng.between(12, 40);
        return new ProductPlan(
                index,
                domain,
                name,
                entity,
                index == 0 ? "critical" : criticality(rng),
                source,
                platform.namespace(domain.id()),
                platform.datasetName(domain.id(), name),
                columns,
                rows,
                rowBytes);
    }

    private static String criticality(Rng rng) {
        double u = rng.nextDouble();
        return u < 0.05 ? "critical" : u < 0.25 ? "high" : u < 0.75 ? "medium" : "low";
    }
}
