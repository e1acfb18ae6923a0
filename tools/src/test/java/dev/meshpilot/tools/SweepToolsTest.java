package dev.meshpilot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.sandbox.tool.ToolResult.Status;
import dev.meshpilot.tools.activity.MetricHistoryTool;
import dev.meshpilot.tools.catalog.ListProductsTool;
import dev.meshpilot.tools.incidents.ListIncidentsTool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools an anomaly sweep reads with: products in scope, all series of a product, incidents. */
class SweepToolsTest {
    @TempDir
    static Path tmp;

    static DemoTools demo;

    @BeforeAll
    static void setUp() {
        demo = new DemoTools(tmp);
        MeshView m = demo.mesh;
        demo.with(List.of(new MetricHistoryTool(m), new ListProductsTool(m), new ListIncidentsTool(m)));
    }

    @AfterAll
    static void tearDown() {
        demo.close();
    }

    ToolResult ok(String principal, String tool, String args) {
        ToolResult r = demo.call(principal, tool, args);
        assertThat(r.status()).as(tool + " " + args + ": " + r.message()).isIn(Status.OK, Status.TRUNCATED);
        demo.assertMatchesOutputSchema(tool, r);
        return r;
    }

    @Test
    void should_return_every_series_of_a_product_with_sums_and_run_times_when_asked_for_its_history() {
        JsonNode h = ok("alice", "metric_history", "{\"product\":\"finance.revenue_daily\"}")
                .data();
        assertThat(h.at("/asOf").asText()).isEqualTo("2026-11-25T09:00:00Z");
        List<String> names = h.at("/series").findValuesAsText("metric");
        assertThat(names).contains("row_count", "null_count", "sum", "min", "max", "run_duration_s", "end_offset_s");
        JsonNode rows = h.at("/series/" + names.indexOf("row_count"));
        assertThat(rows.at("/at").size()).isEqualTo(rows.at("/values").size()).isGreaterThan(20);
    }

    @Test
    void should_list_a_domains_products_when_given_a_domain() {
        JsonNode all = ok("alice", "list_products", "{}").data();
        assertThat(all.at("/total").asInt()).isEqualTo(12);
        JsonNode customers =
                ok("alice", "list_products", "{\"domain\":\"customers\"}").data();
        List<String> ids = new java.util.ArrayList<>();
        customers.at("/products").forEach(p -> ids.add(p.get("id").asText()));
        assertThat(ids).containsExactly("customers.customer_360", "customers.customer_profile");
        assertThat(demo.call("alice", "list_products", "{\"domain\":\"nope\"}").status())
                .isEqualTo(Status.ERROR);
    }

    @Test
    void should_list_open_and_resolved_incidents_of_a_product() {
        JsonNode open = ok("alice", "list_incidents", "{\"status\":\"open\"}").data();
        assertThat(open.at("/incidents").findValuesAsText("id")).containsExactlyInAnyOrder("INC-1001", "INC-1002");
        JsonNode c360 = ok(
                        "alice",
                        "list_incidents",
                        "{\"product\":\"customers.customer_360\",\"since\":\"2026-11-18T00:00:00Z\"}")
                .data();
        assertThat(c360.at("/incidents").findValuesAsText("id")).contains("INC-0999");
    }
}
