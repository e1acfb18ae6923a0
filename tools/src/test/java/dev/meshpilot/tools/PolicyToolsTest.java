package dev.meshpilot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.sandbox.tool.ToolResult.Status;
import dev.meshpilot.tools.policy.CheckPoliciesTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check_policies}: the drift checks run over a page of products, only findings returned. */
class PolicyToolsTest {
    @TempDir
    static Path tmp;

    static DemoTools demo;

    @BeforeAll
    static void setUp() {
        demo = new DemoTools(tmp);
        demo.with(List.of(new CheckPoliciesTool(demo.mesh)));
    }

    @AfterAll
    static void tearDown() {
        demo.close();
    }

    JsonNode ok(String principal, String args) {
        ToolResult r = demo.call(principal, "check_policies", args);
        assertThat(r.status()).as(args + ": " + r.message()).isEqualTo(Status.OK);
        demo.assertMatchesOutputSchema("check_policies", r);
        return r.data();
    }

    static List<String> keys(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.at("/findings")
                .forEach(f -> out.add(f.get("policy").asText() + "|"
                        + f.get("asset").asText() + "|" + f.get("subject").asText()));
        return out;
    }

    @Test
    void should_find_the_same_drift_a_page_at_a_time_as_in_one_page() {
        JsonNode whole = ok("meshpilot-scheduler", "{}");
        assertThat(whole.at("/inScope").asInt()).isEqualTo(12);
        assertThat(whole.at("/judged").asInt()).isEqualTo(12);
        assertThat(whole.at("/nextCursor").isNull()).isTrue();
        assertThat(keys(whole))
                .contains(
                        "pii-access-restricted|customers.customer_profile|marketing-analyst",
                        "payments-retention-365d|payments.transactions|partitions",
                        "require-owner|inventory.stock_levels|owner");

        List<String> paged = new ArrayList<>();
        int judged = 0;
        String cursor = null;
        String previousLast = "";
        do {
            JsonNode page = ok(
                    "meshpilot-scheduler",
                    cursor == null ? "{\"limit\":5}" : "{\"limit\":5,\"cursor\":\"" + cursor + "\"}");
            judged += page.at("/judged").asInt();
            assertThat(page.at("/first").asText()).isGreaterThan(previousLast);
            previousLast = page.at("/last").asText();
            paged.addAll(keys(page));
            cursor = page.at("/nextCursor").isNull()
                    ? null
                    : page.at("/nextCursor").asText();
        } while (cursor != null);
        assertThat(judged).isEqualTo(12);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(keys(whole));
    }

    @Test
    void should_say_what_was_read_and_who_owns_each_finding() {
        JsonNode page = ok("meshpilot-scheduler", "{\"product\":\"payments.transactions\"}");
        assertThat(page.at("/judged").asInt()).isEqualTo(1);
        JsonNode retention = null;
        for (JsonNode f : page.at("/findings")) {
            if (f.get("subject").asText().equals("partitions")) {
                retention = f;
            }
        }
        assertThat(retention).isNotNull();
        assertThat(retention.at("/level").asText()).isEqualTo("deny");
        assertThat(retention.at("/owner/team").asText()).isEqualTo("payments-team");
        assertThat(retention.at("/sources/0").asText()).startsWith("observed partitions of payments.transactions");
        assertThat(retention.at("/fix").asText()).contains("partition_expiration_days = 365");
        assertThat(page.at("/exceptions")).isEmpty();
    }

    @Test
    void should_skip_a_rule_and_count_it_when_the_caller_lacks_what_the_rule_reads() {
        JsonNode page = ok("alice", "{}");
        assertThat(keys(page)).noneMatch(k -> k.startsWith("pii-access-restricted|"));
        assertThat(keys(page)).anyMatch(k -> k.startsWith("require-owner|"));
        JsonNode skip = null;
        for (JsonNode k : page.at("/skipped")) {
            if (k.get("policy").asText().equals("pii-access-restricted")) {
                skip = k;
            }
        }
        assertThat(skip).isNotNull();
        assertThat(skip.get("scope").asText()).isEqualTo("grants:read");
        assertThat(skip.get("products").asInt()).isPositive();
    }

    @Test
    void should_name_the_domains_when_the_domain_is_unknown() {
        ToolResult r = demo.call("meshpilot-scheduler", "check_policies", "{\"domain\":\"shipping\"}");
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message()).contains("no domain 'shipping'").contains("customers, finance");
    }

    @Test
    void should_list_the_exceptions_whose_product_a_page_judged() {
        JsonNode page = ok("meshpilot-scheduler", "{\"domain\":\"customers\"}");
        assertThat(page.at("/exceptions").findValuesAsText("subject")).contains("column:age_band", "column:has_phone");
        assertThat(page.at("/exceptions").findValuesAsText("policy")).containsOnly("pii-follows-lineage");
    }
}
