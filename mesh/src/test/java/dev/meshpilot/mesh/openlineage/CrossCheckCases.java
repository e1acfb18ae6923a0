package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** The events of the cross-check: a valid one with every facet Meshpilot reads, and ways to break it. */
final class CrossCheckCases {
    private CrossCheckCases() {}

    /** A valid event that carries every facet Meshpilot reads. */
    static ObjectNode base() {
        ObjectNode e = Events.event(
                "FAIL", "2026-11-25T09:00:00Z", UUID.nameUUIDFromBytes(new byte[] {1}), "airflow", "payments.daily");
        ObjectNode runFacets = ((ObjectNode) e.get("run")).putObject("facets");
        ObjectNode parent = Events.facet(runFacets, "parent");
        parent.putObject("run").put("runId", "01936893-9751-7a91-a2a0-a51101a3970c");
        parent.putObject("job").put("namespace", "airflow").put("name", "payments");
        Events.facet(runFacets, "errorMessage").put("message", "boom").put("programmingLanguage", "python");
        Events.facet(((ObjectNode) e.get("job")).putObject("facets"), "ownership")
                .putArray("owners")
                .addObject()
                .put("name", "team:payments");
        ObjectNode in = Events.dataset(e, "inputs", "bigquery", "raw.payments");
        Events.facet(in.putObject("facets"), "schema")
                .putArray("fields")
                .addObject()
                .put("name", "amount")
                .put("type", "NUMERIC");
        ObjectNode inFacets = in.putObject("inputFacets");
        ObjectNode metrics = Events.facet(inFacets, "dataQualityMetrics").put("rowCount", 10);
        metrics.putObject("columnMetrics")
                .putObject("amount")
                .put("nullCount", 0)
                .put("distinctCount", 9);
        Events.facet(inFacets, "dataQualityAssertions")
                .putArray("assertions")
                .addObject()
                .put("assertion", "not_null")
                .put("success", true)
                .put("column", "amount");
        ObjectNode out = Events.dataset(e, "outputs", "bigquery", "acme.payments.transactions");
        Events.facet(out.putObject("facets"), "columnLineage")
                .putObject("fields")
                .putObject("amount")
                .putArray("inputFields")
                .addObject()
                .put("namespace", "bigquery")
                .put("name", "raw.payments")
                .put("field", "amount");
        Events.facet(out.putObject("outputFacets"), "outputStatistics")
                .put("rowCount", 10)
                .put("size", 100);
        return e;
    }

    static Map<String, Consumer<ObjectNode>> mutations() {
        Map<String, Consumer<ObjectNode>> m = new LinkedHashMap<>();
        m.put("eventType not in the enum", e -> e.put("eventType", "DONE"));
        m.put("no run.runId", e -> ((ObjectNode) e.get("run")).remove("runId"));
        m.put("no job", e -> e.remove("job"));
        m.put("no job.name", e -> ((ObjectNode) e.get("job")).remove("name"));
        m.put("job.namespace a number", e -> ((ObjectNode) e.get("job")).put("namespace", 5));
        m.put("no eventTime", e -> e.remove("eventTime"));
        m.put("parent without job", e -> ((ObjectNode) e.at("/run/facets/parent")).remove("job"));
        m.put("parent without run.runId", e -> ((ObjectNode) e.at("/run/facets/parent/run")).remove("runId"));
        m.put("parent job without name", e -> ((ObjectNode) e.at("/run/facets/parent/job")).remove("name"));
        m.put("errorMessage without message", e -> ((ObjectNode) e.at("/run/facets/errorMessage")).remove("message"));
        m.put("run facet not an object", e -> ((ObjectNode) e.at("/run/facets")).put("custom", 1));
        m.put("owner without name", e -> ((ObjectNode) e.at("/job/facets/ownership/owners/0")).remove("name"));
        m.put("inputs not an array", e -> e.put("inputs", "raw.payments"));
        m.put("input without namespace", e -> ((ObjectNode) e.at("/inputs/0")).remove("namespace"));
        m.put("schema field without name", e -> ((ObjectNode) e.at("/inputs/0/facets/schema/fields/0")).remove("name"));
        m.put(
                "rowCount not an integer",
                e -> ((ObjectNode) e.at("/outputs/0/outputFacets/outputStatistics")).put("rowCount", "abc"));
        m.put("size a fraction", e -> ((ObjectNode) e.at("/outputs/0/outputFacets/outputStatistics")).put("size", 1.5));
        m.put(
                "nullCount not an integer",
                e -> ((ObjectNode) e.at("/inputs/0/inputFacets/dataQualityMetrics/columnMetrics/amount"))
                        .put("nullCount", "0"));
        m.put(
                "assertions missing",
                e -> ((ObjectNode) e.at("/inputs/0/inputFacets/dataQualityAssertions")).remove("assertions"));
        m.put(
                "success not a boolean",
                e -> ((ObjectNode) e.at("/inputs/0/inputFacets/dataQualityAssertions/assertions/0"))
                        .put("success", "yes"));
        m.put(
                "columnLineage without fields",
                e -> ((ObjectNode) e.at("/outputs/0/facets/columnLineage")).remove("fields"));
        m.put(
                "input field without field",
                e -> ((ObjectNode) e.at("/outputs/0/facets/columnLineage/fields/amount/inputFields/0"))
                        .remove("field"));
        m.put(
                "unknown facet kept",
                e -> Events.facet((ObjectNode) e.at("/run/facets"), "spark_properties")
                        .putObject("properties"));
        m.put("unknown top-level field", e -> e.put("x-extra", true));
        m.put("no eventType", e -> e.remove("eventType"));
        m.put("no inputs or outputs", e -> {
            e.remove("inputs");
            e.remove("outputs");
        });
        return m;
    }

    /** {@code event} with what Meshpilot's documented leniencies allow to be missing filled in. */
    static JsonNode lenient(JsonNode event) {
        JsonNode copy = withoutNulls(event.deepCopy());
        if (copy instanceof ObjectNode e) {
            if (!e.has("schemaURL")) {
                e.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
            }
            if (!e.has("producer")) {
                e.put("producer", Events.PRODUCER);
            }
            baseFields(e.at("/run/facets"));
            baseFields(e.at("/job/facets"));
            for (String list : List.of("inputs", "outputs")) {
                for (JsonNode d : e.path(list)) {
                    baseFields(d.path("facets"));
                    baseFields(d.path("inputFacets"));
                    baseFields(d.path("outputFacets"));
                }
            }
        }
        return copy;
    }

    private static void baseFields(JsonNode container) {
        for (JsonNode facet : container) {
            if (facet instanceof ObjectNode f) {
                if (!f.has("_producer")) {
                    f.put("_producer", Events.PRODUCER);
                }
                if (!f.has("_schemaURL")) {
                    f.put("_schemaURL", "https://example.test/facet");
                }
            }
        }
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> nulls = new ArrayList<>();
            o.fieldNames().forEachRemaining(k -> {
                if (o.get(k).isNull()) {
                    nulls.add(k);
                } else {
                    withoutNulls(o.get(k));
                }
            });
            o.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(CrossCheckCases::withoutNulls);
        }
        return node;
    }
}
