package dev.meshpilot.mesh.generate;

import static dev.meshpilot.mesh.generate.Docs.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code domains/<domain>/products/<name>.yaml} for each product: owner, criticality, tags, its
 * contract id, one output port and SLOs. Freshness targets suit a daily batch (26 hours for critical and
 * high products, two days otherwise), so a failed last run shows as a breach.
 */
final class ProductWriter {
    private ProductWriter() {}

    static void write(ProductPlan p, Lineage lineage, long seed, Output out) {
        List<String> tags =
                new ArrayList<>(List.of(p.domain().stem(), p.entity() + "s", p.source() ? "source" : "derived"));
        if (p.hasPii()) {
            tags.add("pii");
        }
        out.yaml(
                "domains/" + p.domain().id() + "/products/" + p.name() + ".yaml",
                doc().put("id", p.id())
                        .put("name", Names.title(p.name()))
                        .put("description", description(p, lineage))
                        .put("owner", p.domain().team().id())
                        .put("criticality", p.criticality())
                        .put("tags", tags)
                        .put("contract", p.id())
                        .put(
                                "outputPorts",
                                List.of(doc().put("namespace", p.namespace())
                                        .put("name", p.dataset())
                                        .put(
                                                "description",
                                                p.domain().platform().portDescription())
                                        .map()))
                        .put("slos", slos(p, Rng.of(seed, "slo", p.index())))
                        .map());
    }

    static String description(ProductPlan p, Lineage lineage) {
        String what = Names.title(p.entity()) + "s";
        if (p.source()) {
            return what + " as landed from the operational system, one row per change";
        }
        int n = lineage.upstreamCount(p.index());
        return what + " (" + p.name().substring(p.entity().length() + 2).replace('_', ' ') + "), built from " + n
                + (n == 1 ? " upstream product" : " upstream products");
    }

    private static List<Map<String, Object>> slos(ProductPlan p, Rng rng) {
        boolean important =
                p.criticality().equals("critical") || p.criticality().equals("high");
        List<Map<String, Object>> slos = new ArrayList<>();
        slos.add(slo(
                "freshness",
                important ? "PT26H" : "P2D",
                important ? "Refreshed every day" : "May miss one daily run"));
        if (rng.chance(0.5)) {
            long min = Math.max(1, p.baseRows() / 2);
            slos.add(slo("volume", min, "At least " + min + " rows a run"));
        }
        if (rng.chance(0.3)) {
            slos.add(slo("completeness", 0.01, "At most 1% nulls in required columns"));
        }
        if (important) {
            slos.add(slo("availability", 0.95, "At least 95% of runs succeed"));
        }
        return slos;
    }

    private static Map<String, Object> slo(String kind, Object target, String description) {
        return doc().put("kind", kind)
                .put("target", target)
                .put("description", description)
                .map();
    }
}
