package dev.meshpilot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.audit.AuditRecord;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.sandbox.tool.ToolResult.Status;
import dev.meshpilot.tools.activity.MetricSeriesTool;
import dev.meshpilot.tools.activity.QualityResultsTool;
import dev.meshpilot.tools.activity.RecentRunsTool;
import dev.meshpilot.tools.catalog.GetContractTool;
import dev.meshpilot.tools.catalog.GetDataProductTool;
import dev.meshpilot.tools.catalog.ListPoliciesTool;
import dev.meshpilot.tools.observed.ObservedGrantsTool;
import dev.meshpilot.tools.observed.ObservedSchemaTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog, activity and observed-state tools, called through the gate on the demo mesh. */
class MeshToolsTest {
    @TempDir
    static Path tmp;

    static DemoTools demo;

    @BeforeAll
    static void setUp() {
        demo = new DemoTools(tmp);
        MeshView m = demo.mesh;
        demo.with(List.of(
                new GetDataProductTool(m),
                new GetContractTool(m),
                new ListPoliciesTool(m),
                new ObservedGrantsTool(m),
                new ObservedSchemaTool(m),
                new RecentRunsTool(m),
                new QualityResultsTool(m),
                new MetricSeriesTool(m)));
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
    void should_describe_a_product_with_its_owner_contract_and_slos() {
        JsonNode p = ok("alice", "get_data_product", "{\"id\":\"finance.revenue_daily\"}")
                .data();
        assertThat(p.at("/criticality").asText()).isEqualTo("critical");
        assertThat(p.at("/owner/team").asText()).isEqualTo("finance-team");
        assertThat(p.at("/owner/chat").asText()).isEqualTo("#finance-data");
        assertThat(p.at("/owner/oncall").asText()).isEqualTo("erin");
        assertThat(p.at("/contract/id").asText()).isEqualTo("finance.revenue_daily");
        assertThat(p.at("/outputPorts/0/name").asText()).isEqualTo("acme.finance.revenue_daily");
        assertThat(p.at("/slos").findValuesAsText("target")).contains("PT26H");
        assertThat(p.at("/description/untrusted").asBoolean())
                .as("descriptions are fenced")
                .isTrue();
    }

    @Test
    void should_suggest_close_ids_for_an_unknown_product() {
        ToolResult r = demo.call("alice", "get_data_product", "{\"id\":\"finance.revenue_dialy\"}");
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message())
                .contains("no data product 'finance.revenue_dialy'", "did you mean finance.revenue_daily");
    }

    @Test
    void should_return_the_current_contract_or_a_named_version() {
        JsonNode current = ok("alice", "get_contract", "{\"product\":\"customers.customer_profile\"}")
                .data();
        assertThat(current.at("/version").asText()).isEqualTo("1.0.0");
        assertThat(current.at("/versions").toString()).contains("1.0.0", "2.0.0");
        assertThat(current.at("/objects/0/properties").findValuesAsText("name")).contains("phone", "birth_date");
        assertThat(current.at("/objects/0/properties").findValuesAsText("classification"))
                .contains("pii");

        JsonNode proposed = ok("alice", "get_contract", "{\"id\":\"customers.customer_profile\",\"version\":\"2.0.0\"}")
                .data();
        assertThat(proposed.at("/current").asBoolean()).isFalse();
        assertThat(proposed.at("/objects/0/properties").findValuesAsText("name"))
                .contains("phone_number", "loyalty_tier");

        ToolResult missing =
                demo.call("alice", "get_contract", "{\"id\":\"customers.customer_profile\",\"version\":\"9\"}");
        assertThat(missing.status()).isEqualTo(Status.ERROR);
        assertThat(missing.message()).contains("versions: 1.0.0, 2.0.0");
    }

    @Test
    void should_list_policies_that_apply_to_a_product() {
        JsonNode all = ok("alice", "list_policies", "{}").data();
        assertThat(all.at("/total").asInt()).isEqualTo(8);
        JsonNode retention =
                ok("alice", "list_policies", "{\"kind\":\"retention\"}").data();
        assertThat(retention.at("/policies").findValuesAsText("kind")).containsOnly("retention");
        JsonNode forRefunds = ok("alice", "list_policies", "{\"product\":\"payments.refunds\"}")
                .data();
        assertThat(forRefunds.at("/policies").findValuesAsText("id")).isNotEmpty();
    }

    @Test
    void should_page_with_cursors_and_refuse_a_foreign_cursor() {
        JsonNode first = ok("alice", "recent_runs", "{\"product\":\"payments.transactions\",\"limit\":5}")
                .data();
        assertThat(first.at("/returned").asInt()).isEqualTo(5);
        assertThat(first.at("/total").asInt()).isGreaterThan(25);
        String cursor = first.at("/nextCursor").asText();
        JsonNode second = ok(
                        "alice",
                        "recent_runs",
                        "{\"product\":\"payments.transactions\",\"limit\":5,\"cursor\":\"" + cursor + "\"}")
                .data();
        List<String> ids = new ArrayList<>(first.at("/runs").findValuesAsText("runId"));
        ids.retainAll(second.at("/runs").findValuesAsText("runId"));
        assertThat(ids).as("pages do not overlap").isEmpty();

        ToolResult foreign = demo.call(
                "alice", "quality_results", "{\"product\":\"payments.refunds\",\"cursor\":\"" + cursor + "\"}");
        assertThat(foreign.status()).isEqualTo(Status.ERROR);
        assertThat(foreign.message()).contains("was not issued by quality_results");
    }

    @Test
    void should_show_the_failed_transactions_load_with_its_error_message() {
        JsonNode runs = ok("alice", "recent_runs", "{\"product\":\"payments.transactions\",\"state\":\"FAILED\"}")
                .data();
        assertThat(runs.at("/total").asInt()).isEqualTo(1);
        assertThat(runs.at("/runs/0/errorMessage/text").asText()).contains("card_number");
        assertThat(runs.at("/lastSuccessAt").asText()).startsWith("2026-11-24T01:34");
    }

    @Test
    void should_show_the_failed_revenue_assertion() {
        JsonNode q = ok("alice", "quality_results", "{\"product\":\"finance.revenue_daily\",\"failedOnly\":true}")
                .data();
        assertThat(q.at("/failed").asInt()).isEqualTo(1);
        assertThat(q.at("/results/0/assertion").asText()).isEqualTo("revenue_non_negative");
        assertThat(q.at("/results/0/at").asText()).startsWith("2026-11-24");
    }

    @Test
    void should_show_the_null_explosion_in_a_metric_series() {
        JsonNode s = ok(
                        "alice",
                        "metric_series",
                        "{\"product\":\"customers.customer_profile\",\"metric\":\"null_count\",\"column\":\"email\",\"points\":14}")
                .data();
        assertThat(s.at("/points")).hasSize(14);
        assertThat(s.at("/stats/max").asDouble())
                .isGreaterThan(10 * s.at("/stats/min").asDouble());

        ToolResult unknown = demo.call(
                "alice",
                "metric_series",
                "{\"product\":\"customers.customer_profile\",\"metric\":\"null_count\",\"column\":\"nope\"}");
        assertThat(unknown.status()).isEqualTo(Status.NO_DATA);
        assertThat(unknown.message()).contains("recorded metrics:", "null_count:email");
    }

    @Test
    void should_show_observed_schema_and_grants() {
        JsonNode schema = ok("alice", "observed_schema", "{\"product\":\"payments.transactions\"}")
                .data();
        assertThat(schema.at("/columns").findValuesAsText("name")).isNotEmpty();
        JsonNode grants = ok("grace", "observed_grants", "{\"product\":\"customers.customer_profile\"}")
                .data();
        assertThat(grants.at("/grants").findValuesAsText("product")).containsOnly("customers.customer_profile");
    }

    @Test
    void should_deny_and_audit_a_call_outside_the_principals_scopes() {
        // jules (analyst) holds no runs:read
        ToolResult r = demo.call("jules", "recent_runs", "{\"product\":\"payments.transactions\"}");
        assertThat(r.status()).isEqualTo(Status.DENIED);
        assertThat(r.message()).contains("jules lacks runs:read");
        AuditRecord last = demo.audit.tail("jules", "recent_runs", 1).getFirst();
        assertThat(last.seq()).isEqualTo(r.auditSeq());
        assertThat(last.entry().decision()).isEqualTo("denied");
    }

    @Test
    void should_refuse_invalid_arguments_with_the_schema_problem() {
        ToolResult r = demo.call("alice", "recent_runs", "{\"product\":\"payments.transactions\",\"limit\":1000}");
        assertThat(r.status()).as("invalid arguments never reach the tool").isEqualTo(Status.DENIED);
        assertThat(r.message()).contains("/limit", "100");
    }
}
