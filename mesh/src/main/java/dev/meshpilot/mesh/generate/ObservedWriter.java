package dev.meshpilot.mesh.generate;

import static dev.meshpilot.mesh.generate.Docs.doc;

import dev.meshpilot.mesh.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code observed/incidents.yaml} (past incidents, mostly resolved, more of them on hubs, all
 * before the event window) and {@code observed/grants.yaml}: analysts read non-PII columns, privacy
 * officers whole PII tables, and a few PII tables are readable in full by a single user, which the access
 * policy forbids (drift to find).
 */
final class ObservedWriter {
    private record Past(Instant openedAt, ProductPlan product, Failure failure, Rng rng) {}

    private ObservedWriter() {}

    static void write(MeshPlan plan, Instant windowStart, Output out) {
        out.yaml(
                "observed/incidents.yaml",
                doc().put("incidents", incidents(plan, windowStart)).map());
        out.yaml("observed/grants.yaml", doc().put("grants", grants(plan)).map());
    }

    private static List<Map<String, Object>> incidents(MeshPlan plan, Instant windowStart) {
        long seed = plan.spec().seed();
        int count = Math.clamp(plan.products().size() / 20, 3, 500);
        List<Past> past = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            Rng rng = Rng.of(seed, "incident", n);
            double u = rng.nextDouble();
            ProductPlan p = plan.products().get((int) (plan.products().size() * u * u));
            Failure f = rng.pick(List.of(Failure.values()));
            if (f == Failure.UPSTREAM_LATE && p.source()) {
                f = Failure.INFRASTRUCTURE;
            }
            Instant opened = windowStart.minus(Duration.ofMinutes(60 + rng.nextInt(120 * 24 * 60)));
            past.add(new Past(opened, p, f, rng));
        }
        past.sort(Comparator.comparing(Past::openedAt)
                .thenComparing(x -> x.product().index()));
        List<Map<String, Object>> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            out.add(incident(plan, 1001 + n, past.get(n)));
        }
        return out;
    }

    private static Map<String, Object> incident(MeshPlan plan, int number, Past x) {
        ProductPlan p = x.product();
        Rng rng = x.rng();
        boolean open = rng.chance(0.1);
        String upstream = p.source()
                ? null
                : plan.products().get(plan.lineage().upstream(p.index(), 0)).dataset();
        return doc().put("id", "INC-" + number)
                .put("title", x.failure().title() + " in " + p.id())
                .put("product", p.id())
                .put("status", open ? "open" : "resolved")
                .put("severity", severity(p.criticality(), rng))
                .put("openedAt", x.openedAt().toString())
                .put(
                        "resolvedAt",
                        open
                                ? null
                                : x.openedAt()
                                        .plus(Duration.ofMinutes(rng.between(45, 600)))
                                        .toString())
                .put("errorClass", x.failure().wireName())
                .put("description", x.failure().describe(p, upstream, rng))
                .put("rootCause", open ? null : x.failure().rootCause())
                .put("resolution", open ? null : x.failure().resolution())
                .put("fingerprint", "run_failed:" + p.id())
                .map();
    }

    private static String severity(String criticality, Rng rng) {
        Severity s = switch (criticality) {
            case "critical" -> rng.chance(0.5) ? Severity.SEV1 : Severity.SEV2;
            case "high" -> Severity.SEV2;
            case "medium" -> Severity.SEV3;
            default -> Severity.SEV4;
        };
        return s.wireName();
    }

    private static List<Map<String, Object>> grants(MeshPlan plan) {
        List<PersonPlan> analysts = plan.people().stream()
                .filter(p -> p.roles().contains("analyst") && p.kind().equals("user"))
                .toList();
        List<Map<String, Object>> grants = new ArrayList<>();
        boolean drifted = false;
        for (ProductPlan p : plan.products()) {
            Rng rng = Rng.of(plan.spec().seed(), "grants", p.index());
            List<String> open =
                    p.columns().stream().filter(c -> !c.pii()).map(Column::name).toList();
            Instant granted =
                    plan.spec().asOf().minus(Duration.ofHours(24L * (plan.spec().days() + 30) + rng.nextInt(700 * 24)));
            grants.add(grant("analyst", p, p.hasPii() ? open : null, granted));
            if (p.hasPii()) {
                grants.add(grant("privacy-officer", p, null, granted));
                if (rng.chance(0.05) || !drifted) {
                    drifted = true;
                    grants.add(grant(rng.pick(analysts).id(), p, null, granted.plus(Duration.ofDays(9))));
                }
            }
        }
        return grants;
    }

    private static Map<String, Object> grant(String principal, ProductPlan p, List<String> columns, Instant at) {
        return doc().put("principal", principal)
                .put("product", p.id())
                .put("privilege", "SELECT")
                .put("columns", columns)
                .put("grantedAt", at.toString())
                .map();
    }
}
