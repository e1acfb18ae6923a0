package dev.meshpilot.mesh.lineage;

import dev.meshpilot.mesh.lineage.LineageGraph.ColumnHop;
import dev.meshpilot.mesh.lineage.LineageGraph.Direction;
import dev.meshpilot.mesh.lineage.LineageGraph.ProductHop;
import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.openlineage.RunEventParser;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Hand-written stores and events for the lineage tests, and a way to compare two graphs whole. */
final class LineageFixtures {
    private LineageFixtures() {}

    /** Declares product {@code productId} ({@code <domain>.<name>}) with output port namespace/name. */
    static void product(MeshStore store, String productId, String namespace, String name, String slosJson) {
        String domain = productId.substring(0, productId.indexOf('.'));
        store.useHandle(h -> {
            h.execute("INSERT INTO team (id, name) VALUES ('team', 'Team') ON CONFLICT DO NOTHING");
            h.execute(
                    "INSERT INTO domain (id, name, owner, source_file) VALUES (?, ?, 'team', 'd.yaml') ON CONFLICT DO NOTHING",
                    domain,
                    domain);
            h.execute(
                    "INSERT INTO product (id, domain, name, criticality, tags_json, slos_json, "
                            + "source_file) VALUES (?, ?, ?, 'high', '[]', ?, 'p.yaml') ON CONFLICT DO NOTHING",
                    productId,
                    domain,
                    productId,
                    slosJson);
            h.execute(
                    "INSERT INTO product_port (namespace, name, product_id) VALUES (?, ?, ?)",
                    namespace,
                    name,
                    productId);
        });
    }

    static void product(MeshStore store, String productId, String namespace, String name) {
        product(store, productId, namespace, name, "[]");
    }

    /**
     * A RunEvent of job {@code job} (namespace {@code jobs}) reading {@code inputs} and writing {@code outputs},
     * each {@code namespace/name}; {@code columns} are {@code outField<-inNamespace/inName.inField:TRANSFORMATION}
     * entries put on the first output.
     */
    static RunEvent event(
            String type, String time, String job, List<String> inputs, List<String> outputs, String... columns) {
        return event(type, time, UUID.randomUUID(), job, inputs, outputs, null, columns);
    }

    static RunEvent event(
            String type,
            String time,
            UUID run,
            String job,
            List<String> inputs,
            List<String> outputs,
            String error,
            String... columns) {
        StringBuilder json = new StringBuilder();
        json.append("{\"eventType\":\"")
                .append(type)
                .append("\",\"eventTime\":\"")
                .append(time)
                .append("\",\"producer\":\"https://example.test/lineage-tests\",\"run\":{\"runId\":\"")
                .append(run)
                .append("\"");
        if (error != null) {
            json.append(",\"facets\":{\"errorMessage\":{\"message\":\"")
                    .append(error)
                    .append("\",\"programmingLanguage\":\"SQL\"}}");
        }
        json.append("},\"job\":{\"namespace\":\"jobs\",\"name\":\"").append(job).append("\"},\"inputs\":[");
        datasets(json, inputs, new String[0]);
        json.append("],\"outputs\":[");
        datasets(json, outputs, columns);
        json.append("]}");
        return RunEventParser.parse(json.toString());
    }

    private static void datasets(StringBuilder json, List<String> datasets, String[] columns) {
        for (int i = 0; i < datasets.size(); i++) {
            String[] d = datasets.get(i).split("/", 2);
            json.append(i == 0 ? "" : ",")
                    .append("{\"namespace\":\"")
                    .append(d[0])
                    .append("\",\"name\":\"")
                    .append(d[1])
                    .append("\"");
            if (i == 0 && columns.length > 0) {
                json.append(",\"facets\":{\"columnLineage\":{\"fields\":{");
                for (int c = 0; c < columns.length; c++) {
                    String[] outIn = columns[c].split("<-", 2);
                    String[] inHow = outIn[1].split(":", 2);
                    String inField = inHow[0].substring(inHow[0].lastIndexOf('.') + 1);
                    String[] in =
                            inHow[0].substring(0, inHow[0].lastIndexOf('.')).split("/", 2);
                    String[] how = inHow[1].split("/", 2);
                    json.append(c == 0 ? "" : ",")
                            .append("\"")
                            .append(outIn[0])
                            .append("\":{\"inputFields\":[{\"namespace\":\"")
                            .append(in[0])
                            .append("\",\"name\":\"")
                            .append(in[1])
                            .append("\",\"field\":\"")
                            .append(inField)
                            .append("\",\"transformations\":[{\"type\":\"")
                            .append(how[0])
                            .append("\",\"subtype\":\"")
                            .append(how[1])
                            .append("\"}]}]}");
                }
                json.append("}}}");
            }
            json.append("}");
        }
    }

    /** Every product closure of the graph, both ways and full depth, as text: equal graphs give equal text. */
    static List<String> everyClosure(LineageGraph graph, List<String> products) {
        List<String> out = new ArrayList<>();
        for (String p : products) {
            for (Direction d : Direction.values()) {
                for (ProductHop hop : graph.products(p, d, Integer.MAX_VALUE)) {
                    out.add(p + " " + d + " " + hop);
                }
            }
        }
        return out;
    }

    /** The column closures of the given product columns, both ways, as text. */
    static List<String> columnClosures(LineageGraph graph, List<String> productColumns) {
        List<String> out = new ArrayList<>();
        for (String pc : productColumns) {
            String[] p = pc.split(" ");
            for (Direction d : Direction.values()) {
                for (ColumnHop hop : graph.columns(p[0], p[1], d, Integer.MAX_VALUE)) {
                    out.add(pc + " " + d + " " + hop);
                }
            }
        }
        return out;
    }
}
