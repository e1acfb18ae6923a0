package dev.meshpilot.mesh.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes the OpenLineage 2-0-2 RunEvents of one run, one JSON object a line, with Jackson's streaming
 * generator: START, then COMPLETE (with the output's schema and statistics facets) or FAIL (with an
 * {@code errorMessage} run facet). Facet {@code _schemaURL}s name the facet schema versions in the shared
 * OpenLineage spec folder. Dataset names are pre-serialized since a run may have hundreds of inputs.
 */
final class RunEvents {
    static final String PRODUCER = "https://meshpilot.dev/generate";
    static final String SCHEMA_URL = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
    private static final String FACETS = "https://openlineage.io/spec/facets/";
    private static final SerializedString NAMESPACE = new SerializedString("namespace");
    private static final SerializedString NAME = new SerializedString("name");

    /**
     * A run to write; {@code error} is null for a successful run; {@code nulls} is the null count of the first
     * column, written as a {@code dataQualityMetrics} facet, or -1 for none; {@code renamed} the index of a column
     * whose name the schema facet gives with {@code _v2} appended (a planted rename), or -1.
     */
    record Run(
            String runId,
            Instant nominal,
            Instant start,
            Instant end,
            long rows,
            long bytes,
            String error,
            long nulls,
            int renamed) {
        Run(String runId, Instant nominal, Instant start, Instant end, long rows, long bytes, String error) {
            this(runId, nominal, start, end, rows, bytes, error, -1, -1);
        }

        Run(
                String runId,
                Instant nominal,
                Instant start,
                Instant end,
                long rows,
                long bytes,
                String error,
                long nulls) {
            this(runId, nominal, start, end, rows, bytes, error, nulls, -1);
        }
    }

    private final List<ProductPlan> products;
    private final Lineage lineage;
    private final SerializedString[] namespaces;
    private final SerializedString[] datasets;

    RunEvents(MeshPlan plan) {
        this.products = plan.products();
        this.lineage = plan.lineage();
        this.namespaces = new SerializedString[products.size()];
        this.datasets = new SerializedString[products.size()];
        for (ProductPlan p : products) {
            namespaces[p.index()] = new SerializedString(p.namespace());
            datasets[p.index()] = new SerializedString(p.dataset());
        }
    }

    void write(JsonGenerator g, ProductPlan p, Run run) throws IOException {
        event(g, p, run, "START", run.start());
        event(g, p, run, run.error() == null ? "COMPLETE" : "FAIL", run.end());
    }

    private void event(JsonGenerator g, ProductPlan p, Run run, String type, Instant time) throws IOException {
        boolean end = !type.equals("START");
        g.writeStartObject();
        g.writeStringField("eventTime", time.toString());
        g.writeStringField("producer", PRODUCER);
        g.writeStringField("schemaURL", SCHEMA_URL);
        g.writeStringField("eventType", type);
        g.writeObjectFieldStart("run");
        g.writeStringField("runId", run.runId());
        g.writeObjectFieldStart("facets");
        facet(g, "nominalTime", "1-0-1/NominalTimeRunFacet.json#/$defs/NominalTimeRunFacet");
        g.writeStringField("nominalStartTime", run.nominal().toString());
        g.writeEndObject();
        if (end && run.error() != null) {
            facet(g, "errorMessage", "1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet");
            g.writeStringField("message", run.error());
            g.writeStringField("programmingLanguage", p.domain().platform() == Platform.S3 ? "SCALA" : "SQL");
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
        job(g, p);
        g.writeArrayFieldStart("inputs");
        for (int k = 0, n = lineage.upstreamCount(p.index()); k < n; k++) {
            dataset(g, lineage.upstream(p.index(), k));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("outputs");
        dataset(g, p.index());
        if (end && run.error() == null) {
            outputFacets(g, p, run);
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void job(JsonGenerator g, ProductPlan p) throws IOException {
        Platform platform = p.domain().platform();
        g.writeObjectFieldStart("job");
        g.writeStringField("namespace", platform.jobNamespace());
        g.writeStringField("name", p.id());
        g.writeObjectFieldStart("facets");
        facet(g, "jobType", "2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet");
        g.writeStringField("processingType", "BATCH");
        g.writeStringField("integration", platform.integration());
        g.writeStringField("jobType", platform.jobType());
        g.writeEndObject();
        facet(g, "ownership", "1-0-1/OwnershipJobFacet.json#/$defs/OwnershipJobFacet");
        g.writeArrayFieldStart("owners");
        g.writeStartObject();
        g.writeStringField("name", "team:" + p.domain().team().id());
        g.writeStringField("type", "MAINTAINER");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Opens the object of dataset {@code index} and writes its namespace and name. */
    private void dataset(JsonGenerator g, int index) throws IOException {
        g.writeStartObject();
        g.writeFieldName(NAMESPACE);
        g.writeString(namespaces[index]);
        g.writeFieldName(NAME);
        g.writeString(datasets[index]);
    }

    private static void outputFacets(JsonGenerator g, ProductPlan p, Run run) throws IOException {
        g.writeObjectFieldStart("facets");
        facet(g, "schema", "1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet");
        g.writeArrayFieldStart("fields");
        for (int k = 0; k < p.columns().size(); k++) {
            Column c = p.columns().get(k);
            g.writeStartObject();
            g.writeStringField("name", k == run.renamed() ? c.name() + "_v2" : c.name());
            g.writeStringField("type", c.physicalType());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        if (run.nulls() >= 0 && !p.columns().isEmpty()) {
            facet(
                    g,
                    "dataQualityMetrics",
                    "1-0-2/DataQualityMetricsInputDatasetFacet.json#/$defs/" + "DataQualityMetricsInputDatasetFacet");
            g.writeNumberField("rowCount", run.rows());
            g.writeObjectFieldStart("columnMetrics");
            g.writeObjectFieldStart(p.columns().getFirst().name());
            g.writeNumberField("nullCount", run.nulls());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("outputFacets");
        facet(
                g,
                "outputStatistics",
                "1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/" + "OutputStatisticsOutputDatasetFacet");
        g.writeNumberField("rowCount", run.rows());
        g.writeNumberField("size", run.bytes());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Opens facet {@code name} with its {@code _producer} and {@code _schemaURL}. */
    private static void facet(JsonGenerator g, String name, String schema) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("_producer", PRODUCER);
        g.writeStringField("_schemaURL", FACETS + schema);
    }
}
