package dev.meshpilot.mesh.workspace;

import dev.meshpilot.mesh.org.Grant;
import dev.meshpilot.mesh.org.Principal;
import dev.meshpilot.mesh.org.Role;
import dev.meshpilot.mesh.org.Team;
import dev.meshpilot.mesh.policy.Policy;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Domain;
import dev.meshpilot.mesh.product.OutputPort;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks what no single file can: unique ids, unique ports, and that every reference points somewhere. */
final class CrossReferences {
    private final Workspace ws;
    private final Problems problems;

    private CrossReferences(Workspace ws, Problems problems) {
        this.ws = ws;
        this.problems = problems;
    }

    static void check(Workspace ws, Problems problems) {
        new CrossReferences(ws, problems).run();
    }

    private void run() {
        Set<String> teams = unique(ws.teams, Team::id, "team");
        Set<String> roles = unique(ws.roles, Role::id, "role");
        Set<String> principals = unique(ws.principals, Principal::id, "principal");
        // one chat user acts as one principal: two principals with one Slack id would make chat pick one silently
        unique(
                ws.principals.stream().filter(p -> p.value().slack() != null).toList(),
                Principal::slack,
                "principal slack id");
        Set<String> domains = unique(ws.domains, Domain::id, "domain");
        Set<String> products = unique(ws.products, DataProduct::id, "product");
        unique(ws.contracts, c -> c.id() + "@" + c.version(), "contract id@version");
        unique(ws.policies, Policy::id, "policy");
        unique(ws.runbooks, r -> r.id(), "runbook");
        unique(ws.incidents, i -> i.id(), "incident");
        Set<String> contracts = ws.contracts.stream().map(s -> s.value().id()).collect(Collectors.toSet());

        for (Sourced<Team> t : ws.teams) {
            ref(t, t.value().oncall(), principals, "oncall", "principal");
        }
        for (Sourced<Principal> p : ws.principals) {
            ref(p, p.value().team(), teams, "team", "team");
            p.value().roles().forEach(r -> ref(p, r, roles, "roles", "role"));
        }
        for (Sourced<Role> r : ws.roles) {
            for (Grant g : r.value().grants()) {
                g.domains().forEach(d -> ref(r, d, domains, "grants.domains", "domain"));
                g.products().forEach(p -> ref(r, p, products, "grants.products", "product"));
            }
        }
        for (Sourced<Domain> d : ws.domains) {
            ref(d, d.value().owner(), teams, "owner", "team");
            ref(d, d.value().oncall(), principals, "oncall", "principal");
        }
        Map<String, Sourced<DataProduct>> portOwner = new HashMap<>();
        for (Sourced<DataProduct> p : ws.products) {
            ref(p, p.value().owner(), teams, "owner", "team");
            ref(p, p.value().contract(), contracts, "contract", "contract id (from contracts/)");
            for (OutputPort port : p.value().outputPorts()) {
                Sourced<DataProduct> other = portOwner.putIfAbsent(port.key(), p);
                if (other != null && !other.value().id().equals(p.value().id())) {
                    problems.add(
                            p.file(),
                            p.line(),
                            "outputPorts",
                            "port " + port.namespace() + " / " + port.name()
                                    + " is already claimed by " + other.value().id() + " (" + other.file()
                                    + "); a port belongs to one product");
                }
            }
        }
        for (Sourced<Policy> p : ws.policies) {
            p.value().products().forEach(id -> ref(p, id, products, "appliesTo.products", "product"));
            p.value().domains().forEach(id -> ref(p, id, domains, "appliesTo.domains", "domain"));
        }
        ws.runbooks.forEach(
                r -> r.value().products().forEach(id -> ref(r, id, products, "appliesTo.products", "product")));
        ws.incidents.forEach(i -> ref(i, i.value().productId(), products, "product", "product"));
        ws.grants.forEach(g -> ref(g, g.value().productId(), products, "product", "product"));
        ws.anomalyRules.stream()
                .filter(r -> r.value().product() != null)
                .forEach(r -> ref(r, r.value().product(), products, "product", "product"));
        ws.schemas.forEach(s -> ref(s, s.value().productId(), products, "product", "product"));
        ws.retention.forEach(r -> ref(r, r.value().productId(), products, "product", "product"));
    }

    private <T> Set<String> unique(Collection<Sourced<T>> items, Function<T, String> id, String what) {
        Map<String, Sourced<T>> seen = new HashMap<>();
        for (Sourced<T> item : sorted(items)) {
            Sourced<T> first = seen.putIfAbsent(id.apply(item.value()), item);
            if (first != null) {
                problems.add(
                        item.file(),
                        item.line(),
                        "id",
                        "duplicate " + what + " '" + id.apply(item.value()) + "', first defined at " + first.file()
                                + ":" + first.line());
            }
        }
        return seen.keySet();
    }

    private void ref(Sourced<?> from, String id, Set<String> known, String field, String what) {
        if (id != null && !known.contains(id)) {
            String valid = known.size() <= 12
                    ? known.stream().sorted().collect(Collectors.joining(", "))
                    : known.size() + " defined";
            problems.add(
                    from.file(), from.line(field), field, "unknown " + what + " '" + id + "' (valid: " + valid + ")");
        }
    }

    private static <T> List<Sourced<T>> sorted(Collection<Sourced<T>> items) {
        synchronized (items) {
            return items.stream()
                    .sorted((a, b) -> a.file().equals(b.file())
                            ? Integer.compare(a.line(), b.line())
                            : a.file().compareTo(b.file()))
                    .toList();
        }
    }
}
