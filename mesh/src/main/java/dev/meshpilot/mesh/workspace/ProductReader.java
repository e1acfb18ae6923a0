package dev.meshpilot.mesh.workspace;

import dev.meshpilot.mesh.product.Criticality;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Domain;
import dev.meshpilot.mesh.product.OutputPort;
import dev.meshpilot.mesh.product.Slo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@code domains/<domain>/domain.yaml} and {@code domains/<domain>/products/<name>.yaml}. */
final class ProductReader {
    private static final Set<String> CRITICALITY = Set.of("critical", "high", "medium", "low");

    private ProductReader() {}

    static Domain domain(YamlDoc doc, String folder, Workspace ws, Problems problems) {
        Node root = Node.root(doc, problems);
        if (!root.isObject()) {
            return null;
        }
        root.onlyKeys(List.of("id", "name", "description", "owner", "oncall", "chat"));
        String id = root.text("id", true);
        if (id != null && !id.equals(folder)) {
            root.problem("id", "'" + id + "' must equal the folder name '" + folder + "'");
        }
        String name = root.text("name", true);
        String owner = root.text("owner", true);
        if (id == null || name == null || owner == null || !id.equals(folder)) {
            return null;
        }
        Domain domain = new Domain(
                id, name, root.text("description", false), owner, root.text("oncall", false), root.text("chat", false));
        ws.domains.add(new Sourced<>(domain, doc, root.pointer()));
        return domain;
    }

    static void product(YamlDoc doc, Domain domain, String fileName, Workspace ws, Problems problems) {
        Node root = Node.root(doc, problems);
        if (!root.isObject()) {
            return;
        }
        root.onlyKeys(List.of(
                "id", "name", "description", "owner", "criticality", "tags", "contract", "outputPorts", "slos"));
        String expected = domain.id() + "." + fileName;
        String id = root.text("id", true);
        if (id != null && !id.equals(expected)) {
            root.problem("id", "'" + id + "' must be <domain>.<file name>, here '" + expected + "'");
        }
        String name = root.text("name", true);
        String owner = root.text("owner", false);
        String criticality = root.oneOf("criticality", CRITICALITY, "medium");
        List<OutputPort> ports = new ArrayList<>();
        for (Node p : root.children("outputPorts")) {
            p.onlyKeys(List.of("namespace", "name", "description"));
            String ns = p.text("namespace", true);
            String pn = p.text("name", true);
            if (ns != null && pn != null) {
                ports.add(new OutputPort(ns, pn, p.text("description", false)));
            }
        }
        List<Slo> slos = new ArrayList<>();
        for (Node s : root.children("slos")) {
            s.onlyKeys(List.of("kind", "target", "description"));
            String kind = s.oneOf("kind", Set.copyOf(Slo.KINDS), "?");
            String target = s.text("target", true);
            if (target != null && SloTargets.check(kind, target) != null) {
                s.problem("target", SloTargets.check(kind, target));
            } else if (target != null) {
                slos.add(new Slo(kind, target, s.text("description", false)));
            }
        }
        if (id == null || name == null || !id.equals(expected)) {
            return;
        }
        DataProduct product = new DataProduct(
                id,
                domain.id(),
                name,
                root.text("description", false),
                owner == null ? domain.owner() : owner,
                owner != null,
                Criticality.of(criticality),
                root.texts("tags"),
                root.text("contract", false),
                ports,
                slos);
        ws.products.add(new Sourced<>(product, doc, root.pointer()));
    }
}
