package dev.meshpilot.mesh.store;

import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.openlineage.RunEventParser;

/** OpenLineage events for {@link StoreSuite}, as JSON text: one job writing {@code acme.payments.transactions}. */
final class StoreSuiteEvents {
    private StoreSuiteEvents() {}

    private static final String BASE = "\"producer\":\"https://example.test/suite\","
            + "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\"";

    private static String facet(String name) {
        return "\"_producer\":\"https://example.test/suite\",\"_schemaURL\":\"https://example.test/" + name + "\"";
    }

    /** START of run {@code runId} at {@code time}: job facets (sql), input with schema and quality facets. */
    static RunEvent start(String runId, String time, String query) {
        return RunEventParser.parse("{\"eventType\":\"START\",\"eventTime\":\"" + time + "\"," + BASE
                + ",\"run\":{\"runId\":\"" + runId
                + "\"},\"job\":{\"namespace\":\"airflow\",\"name\":\"payments.daily\","
                + "\"facets\":{\"sql\":{" + facet("sql") + ",\"query\":\"" + query + "\",\"dialect\":null}}},"
                + "\"inputs\":[{\"namespace\":\"bigquery\",\"name\":\"raw.payments\",\"facets\":{\"schema\":{"
                + facet("schema") + ",\"fields\":[{\"name\":\"amount\",\"type\":\"NUMERIC\"}]}},"
                + "\"inputFacets\":{\"dataQualityMetrics\":{" + facet("dataQualityMetrics")
                + ",\"rowCount\":10,\"columnMetrics\":{\"amount\":{\"nullCount\":0,\"distinctCount\":9}}},"
                + "\"dataQualityAssertions\":{" + facet("dataQualityAssertions")
                + ",\"assertions\":[{\"assertion\":\"not_null\",\"success\":true,\"column\":\"amount\"}]}}}],"
                + "\"outputs\":[]}");
    }

    /** COMPLETE of run {@code runId}: output with column lineage and output statistics. */
    static RunEvent complete(String runId, String time, long rows) {
        return RunEventParser.parse("{\"eventType\":\"COMPLETE\",\"eventTime\":\"" + time + "\"," + BASE
                + ",\"run\":{\"runId\":\"" + runId
                + "\"},\"job\":{\"namespace\":\"airflow\",\"name\":\"payments.daily\"},"
                + "\"inputs\":[],\"outputs\":[{\"namespace\":\"bigquery\",\"name\":\"acme.payments.transactions\","
                + "\"facets\":{\"schema\":{" + facet("schema")
                + ",\"fields\":[{\"name\":\"amount\",\"type\":\"NUMERIC\"},"
                + "{\"name\":\"currency\",\"type\":\"STRING\"}]},\"columnLineage\":{" + facet("columnLineage")
                + ",\"fields\":{\"amount\":{\"inputFields\":[{\"namespace\":\"bigquery\",\"name\":\"raw.payments\","
                + "\"field\":\"amount\"}]}}}},\"outputFacets\":{\"outputStatistics\":{" + facet("outputStatistics")
                + ",\"rowCount\":" + rows + ",\"size\":100}}}]}");
    }

    /** FAIL of run {@code runId}, writing the product, with an error message. */
    static RunEvent fail(String runId, String time) {
        return RunEventParser.parse("{\"eventType\":\"FAIL\",\"eventTime\":\"" + time + "\"," + BASE
                + ",\"run\":{\"runId\":\"" + runId + "\",\"facets\":{\"errorMessage\":{" + facet("errorMessage")
                + ",\"message\":\"schema mismatch: column amount\",\"programmingLanguage\":\"python\"}}},"
                + "\"job\":{\"namespace\":\"airflow\",\"name\":\"payments.daily\"},\"inputs\":[],"
                + "\"outputs\":[{\"namespace\":\"bigquery\",\"name\":\"acme.payments.transactions\"}]}");
    }
}
