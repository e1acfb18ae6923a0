package dev.meshpilot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.sandbox.tool.ToolResult.Status;
import dev.meshpilot.tools.anomaly.ScanMetricsTool;
import dev.meshpilot.tools.lineage.LineageLinksTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk tools of an anomaly sweep: {@code scan_metrics} and {@code lineage_links}, over the demo mesh. */
class ScanToolsTest {
    @TempDir
    static Path tmp;

    static DemoTools demo;

    @BeforeAll
    static void setUp() {
        demo = new DemoTools(tmp);
        demo.with(List.of(new ScanMetricsTool(demo.mesh), new LineageLinksTool(demo.mesh)));
    }

    @AfterAll
    static void tearDown() {
        demo.close();
    }

    JsonNode ok(String tool, String args) {
        ToolResult r = demo.call("alice", tool, args);
        assertThat(r.status()).as(tool + " " + args + ": " + r.message()).isEqualTo(Status.OK);
        demo.assertMatchesOutputSchema(tool, r);
        return r.data();
    }

    static List<String> anomalies(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.at("/products")
                .forEach(p -> p.at("/anomalies")
                        .forEach(a -> out.add(a.get("product").asText() + " "
                                + a.get("metric").asText() + " " + a.get("kind").asText() + " "
                                + a.get("since").asText())));
        return out;
    }

    @Test
    void should_find_the_seeded_anomalies_the_same_a_page_at_a_time_as_in_one_page() {
        JsonNode whole = ok("scan_metrics", "{}");
        assertThat(whole.at("/inScope").asInt()).isEqualTo(12);
        assertThat(whole.at("/judged").asInt()).isEqualTo(12);
        assertThat(whole.at("/nextCursor").isNull()).isTrue();
        assertThat(whole.at("/points").asInt()).isGreaterThan(5000);
        assertThat(anomalies(whole))
                .anyMatch(a -> a.startsWith("customers.customer_profile null_rate:email level_shift"))
                .anyMatch(a -> a.startsWith("orders.orders_daily row_count drop 2026-11-20"));
        assertThat(anomalies(whole)).noneMatch(a -> a.startsWith("orders.order_events row_count"));

        List<String> paged = new ArrayList<>();
        int judged = 0;
        String cursor = null;
        do {
            JsonNode page = ok(
                    "scan_metrics", cursor == null ? "{\"limit\":5}" : "{\"limit\":5,\"cursor\":\"" + cursor + "\"}");
            judged += page.at("/judged").asInt();
            paged.addAll(anomalies(page));
            cursor = page.at("/nextCursor").isNull()
                    ? null
                    : page.at("/nextCursor").asText();
        } while (cursor != null);
        assertThat(judged).isEqualTo(12);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(anomalies(whole));
    }

    @Test
    void should_describe_an_anomalous_product_for_ranking_and_honour_a_product_list() {
        JsonNode page = ok("scan_metrics", "{\"products\":[\"customers.customer_profile\"]}");
        assertThat(page.at("/inScope").asInt()).isEqualTo(1);
        JsonNode p = page.at("/products/0");
        assertThat(p.at("/product").asText()).isEqualTo("customers.customer_profile");
        assertThat(p.at("/owner/team").asText()).isEqualTo("customers-team");
        assertThat(p.at("/downstream").asInt()).isGreaterThan(0);
        assertThat(p.at("/anomalies/0/training").asInt()).isGreaterThanOrEqualTo(14);
        assertThat(demo.call("alice", "scan_metrics", "{\"products\":[\"customers.customer_profil\"]}")
                        .message())
                .contains("did you mean customers.customer_profile");
        assertThat(demo.call("alice", "scan_metrics", "{\"window\":\"seven days\"}")
                        .message())
                .contains("not an ISO-8601 duration");
    }

    @Test
    void should_link_only_the_given_products_that_lie_upstream_of_each_other() {
        JsonNode links = ok(
                "lineage_links",
                "{\"products\":[\"orders.orders_daily\",\"finance.revenue_daily\",\"marketing.campaign_attribution\","
                        + "\"customers.customer_profile\"]}");
        List<String> pairs = new ArrayList<>();
        links.at("/links")
                .forEach(l -> pairs.add(l.get("upstream").asText() + ">"
                        + l.get("downstream").asText() + ":" + l.get("hops").asInt()));
        assertThat(pairs)
                .contains(
                        "orders.orders_daily>finance.revenue_daily:1",
                        "orders.orders_daily>marketing.campaign_attribution:1",
                        "customers.customer_profile>marketing.campaign_attribution:2")
                .noneMatch(p -> p.startsWith("customers.customer_profile>orders.")
                        || p.startsWith("orders.orders_daily>customers.")
                        || p.startsWith("finance.revenue_daily>"));
    }
}
