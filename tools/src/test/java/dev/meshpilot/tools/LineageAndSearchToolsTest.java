package dev.meshpilot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.sandbox.tool.ToolResult.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lineage, impact, incident and search tools through the gate on the demo mesh, and the catalog as a whole. */
class LineageAndSearchToolsTest {
    @TempDir
    static Path tmp;

    static DemoTools demo;

    @BeforeAll
    static void setUp() {
        demo = new DemoTools(tmp);
        demo.with(demo.allTools(tmp));
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
    void should_list_the_products_of_a_domain_with_the_mesh_time_and_name_an_empty_domain() {
        JsonNode customers =
                ok("alice", "list_products", "{\"domain\":\"customers\"}").data();
        List<String> ids = new java.util.ArrayList<>();
        customers.at("/products").forEach(p -> ids.add(p.get("id").asText()));
        assertThat(ids).containsExactly("customers.customer_360", "customers.customer_profile");
        assertThat(customers.at("/asOf").asText()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(ok("alice", "list_products", "{}").data().at("/total").asInt())
                .isEqualTo(12);
        ToolResult none = demo.call("alice", "list_products", "{\"domain\":\"shipping\"}");
        assertThat(none.message()).contains("no domain 'shipping'");
    }

    @Test
    void should_say_no_run_was_recorded_when_an_agent_never_recorded_one_over_a_scope() {
        JsonNode none = ok("alice", "previous_findings", "{\"agent\":\"drift\",\"scope\":\"nowhere\"}")
                .data();
        assertThat(none.get("runId").isNull()).isTrue();
        assertThat(none.at("/findings")).isEmpty();
    }

    @Test
    void should_offer_every_tool_the_issue_names_each_with_schemas_and_scopes() {
        List<ToolDeclaration> all = demo.gate.declarations(DemoTools.AGENT);
        assertThat(all)
                .extracting(ToolDeclaration::name)
                .containsExactlyInAnyOrder(
                        "search_catalog",
                        "get_data_product",
                        "get_contract",
                        "lineage_upstream",
                        "lineage_downstream",
                        "impact",
                        "recent_runs",
                        "quality_results",
                        "metric_series",
                        "metric_history",
                        "get_incident",
                        "list_incidents",
                        "list_products",
                        "similar_incidents",
                        "search_runbooks",
                        "list_policies",
                        "observed_grants",
                        "observed_schema",
                        "previous_findings",
                        "check_policies",
                        "scan_metrics",
                        "lineage_links",
                        "sql.query");
        assertThat(all).allSatisfy(d -> {
            assertThat(d.requiredScopes()).as(d.name()).isNotEmpty();
            assertThat(d.sideEffect().name()).isEqualTo("READ");
            if (!d.name().equals("sql.query")) {
                assertThat(d.outputSchema()).as(d.name()).isNotNull();
            }
        });
    }

    @Test
    void should_walk_downstream_with_a_summary_and_pages() {
        JsonNode first = ok("alice", "lineage_downstream", "{\"product\":\"customers.customer_profile\",\"limit\":2}")
                .data();
        assertThat(first.at("/total").asInt()).isGreaterThan(2);
        assertThat(first.at("/hops")).hasSize(2);
        assertThat(first.at("/summary/byDepth/1").asInt()).isEqualTo(1);
        assertThat(first.at("/nextCursor").isTextual()).isTrue();
    }

    @Test
    void should_walk_upstream_with_health_judged_at_a_moment() {
        JsonNode at0130 = ok(
                        "alice",
                        "lineage_upstream",
                        "{\"product\":\"finance.revenue_daily\",\"asOf\":\"2026-11-25T01:30:00Z\"}")
                .data();
        assertThat(at0130.at("/summary/suspects").findValuesAsText("product")).contains("payments.transactions");
        JsonNode tx = hop(at0130, "payments.transactions");
        assertThat(tx.at("/health/status").asText()).startsWith("failed");
        assertThat(tx.at("/health/errorMessage/text").asText()).contains("card_number");

        JsonNode dayBefore = ok(
                        "alice",
                        "lineage_upstream",
                        "{\"product\":\"finance.revenue_daily\",\"asOf\":\"2026-11-24T04:26:00Z\"}")
                .data();
        assertThat(hop(dayBefore, "payments.transactions").at("/health/status").asText())
                .isEqualTo("ok");
    }

    @Test
    void should_follow_a_column_through_column_lineage() {
        JsonNode d = ok(
                        "alice",
                        "lineage_downstream",
                        "{\"product\":\"customers.customer_profile\",\"column\":\"phone\",\"depth\":1}")
                .data();
        assertThat(d.at("/hops").findValuesAsText("column")).contains("has_phone");
        JsonNode impact = ok(
                        "alice", "impact", "{\"product\":\"customers.customer_profile\",\"column\":\"birth_date\"}")
                .data();
        assertThat(impact.at("/consumers/0/product").asText()).isEqualTo("customers.customer_360");
        assertThat(impact.at("/consumers/0/columns").toString()).contains("age_band");
    }

    @Test
    void should_rank_impact_by_criticality_with_owners() {
        JsonNode impact =
                ok("alice", "impact", "{\"product\":\"payments.transactions\"}").data();
        assertThat(impact.at("/consumers/0/product").asText()).isEqualTo("finance.revenue_daily");
        assertThat(impact.at("/consumers/0/owner/chat").asText()).isEqualTo("#finance-data");
        assertThat(impact.at("/byCriticality/critical").asInt()).isEqualTo(1);
        assertThat(impact.at("/teams/0").asText()).isEqualTo("finance-team");
    }

    @Test
    void should_search_the_catalog_hiding_what_the_caller_may_not_read() {
        JsonNode hits = ok("alice", "search_catalog", "{\"query\":\"refunds counted twice\"}")
                .data();
        assertThat(hits.at("/hits").findValuesAsText("id")).contains("payments.refunds");
        JsonNode onlyRunbooks = ok("alice", "search_catalog", "{\"query\":\"late data\",\"types\":[\"runbook\"]}")
                .data();
        assertThat(onlyRunbooks.at("/hits").findValuesAsText("type")).containsOnly("runbook");
        // priya (marketing analyst) reads incidents of no domain: none may appear in her hits
        ToolResult priya = demo.call("priya", "search_catalog", "{\"query\":\"revenue flash late incident\"}");
        if (priya.hasData()) {
            assertThat(priya.data().at("/hits").findValuesAsText("type")).doesNotContain("incident");
        }
    }

    @Test
    void should_find_the_past_incident_with_its_resolution() {
        JsonNode similar = ok(
                        "alice",
                        "similar_incidents",
                        "{\"incident\":\"INC-1002\",\"product\":\"payments.refunds\",\"errorClass\":\"duplicate_keys\"}")
                .data();
        JsonNode first = similar.at("/incidents/0");
        assertThat(first.at("/id").asText()).isEqualTo("INC-0969");
        assertThat(first.at("/resolution/text").asText()).contains("MERGE");
        assertThat(similar.at("/incidents").findValuesAsText("id")).doesNotContain("INC-1002");
    }

    @Test
    void should_return_runbooks_for_a_class_with_the_most_specific_first() {
        JsonNode r = ok("alice", "search_runbooks", "{\"errorClass\":\"schema_mismatch\",\"limit\":2}")
                .data();
        assertThat(r.at("/runbooks/0/id").asText()).isEqualTo("RB-schema-mismatch");
        assertThat(r.at("/runbooks/0/matchedBy").toString()).contains("errorClass");
        assertThat(r.at("/runbooks/0/body/untrusted").asBoolean()).isTrue();
    }

    @Test
    void should_read_an_incident_or_deny_it_outside_the_callers_domains() {
        JsonNode i = ok("alice", "get_incident", "{\"id\":\"INC-1001\"}").data();
        assertThat(i.at("/product").asText()).isEqualTo("payments.transactions");
        assertThat(i.at("/status").asText()).isEqualTo("open");
        ToolResult unknown = demo.call("alice", "get_incident", "{\"id\":\"INC-9999\"}");
        assertThat(unknown.status()).isEqualTo(Status.ERROR);
        assertThat(Set.of(Status.DENIED, Status.ERROR))
                .contains(demo.call("priya", "get_incident", "{\"id\":\"INC-1001\"}")
                        .status());
    }

    private static JsonNode hop(JsonNode lineage, String product) {
        for (JsonNode h : lineage.at("/hops")) {
            if (product.equals(h.path("product").asText())) {
                return h;
            }
        }
        throw new AssertionError(product + " not in " + lineage.at("/hops"));
    }
}
