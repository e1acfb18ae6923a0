package dev.meshpilot.sandbox.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.sandbox.tool.ToolResult.Flag;
import dev.meshpilot.sandbox.tool.ToolResult.Status;
import dev.meshpilot.sandbox.tool.Truncation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateShapingTest extends GateFixture {
    @Test
    void should_show_pii_only_to_the_principal_who_may_read_it() {
        ToolResult steward = customers(STEWARD);
        ToolResult analyst = customers(ANALYST);

        assertThat(steward.status()).isEqualTo(Status.OK);
        assertThat(steward.data().at("/rows/0/email").asText()).isEqualTo("ana@example.com");
        assertThat(steward.flags()).doesNotContain(Flag.REDACTED_CLASSIFIED);
        assertThat(analyst.data().at("/rows/0/email").asText()).isEqualTo("[REDACTED:pii]");
        assertThat(analyst.data().toString()).doesNotContain("ana@example.com", "bo@example.com");
        assertThat(analyst.flags()).contains(Flag.REDACTED_CLASSIFIED);
        assertThat(analyst.notes()).anySatisfy(n -> assertThat(n).contains("priya lacks pii:read"));
    }

    @Test
    void should_redact_table_columns_by_classification_and_product() {
        ToolResult steward = call(STEWARD, "profile_table", "{}");
        ToolResult analyst = call(ANALYST, "profile_table", "{}");

        assertThat(steward.data().at("/columns/1").toString())
                .isEqualTo("{\"name\":\"email\",\"product\":\"customers.profile\",\"classification\":\"pii\"}");
        // carmen may read PII of customers.profile, not of payments.cards
        assertThat(steward.data().at("/rows/0").toString())
                .contains("ana@example.com", "[REDACTED:restricted]", "gold");
        assertThat(analyst.data().at("/rows/0/1").asText()).isEqualTo("[REDACTED:pii]");
        assertThat(analyst.data().at("/rows/1/1").isNull()).isTrue();
        assertThat(analyst.data().at("/rows/0/3").asText()).isEqualTo("gold");
    }

    @Test
    void should_fence_untrusted_text_and_flag_what_reads_like_instructions() {
        ToolResult r = call(STEWARD, "profile_table", "{}");

        assertThat(r.data().at("/rows/0/4").toString())
                .isEqualTo("{\"untrusted\":true,\"flagged\":false,\"text\":\"Great service, thanks\"}");
        assertThat(r.data().at("/rows/1/4/flagged").asBoolean()).isTrue();
        assertThat(r.flags()).contains(Flag.UNTRUSTED_TEXT, Flag.INSTRUCTION_LIKE_TEXT);
    }

    @Test
    void should_redact_secrets_for_everyone() {
        ToolResult r = customers(STEWARD);

        assertThat(r.data().at("/rows/0/note").asText()).isEqualTo("card [REDACTED:card_number]");
        assertThat(r.data().at("/description/untrusted").asBoolean()).isTrue();
        assertThat(r.data().at("/description/flagged").asBoolean()).isTrue();
        assertThat(r.flags()).contains(Flag.REDACTED_SECRET);
    }

    @Test
    void should_state_what_was_cut_when_a_list_is_longer_than_the_cap() {
        ToolResult big = call(STEWARD, "noop", "{}");

        assertThat(big.status()).isEqualTo(Status.TRUNCATED);
        assertThat(big.message()).isEqualTo("the result was cut to fit the limits; see truncations");
        assertThat(big.data().get("items").size()).isEqualTo(100);
        assertThat(big.truncations()).containsExactly(new Truncation("/items", "items", 500, 100, "max_items"));
        assertThat(big.flags()).contains(Flag.TRUNCATED);
        assertThat(big.notes()).contains("truncated /items from 500 to 100 items (max_items)");
    }

    @Test
    void should_cut_a_result_to_the_byte_cap_and_refuse_one_that_cannot_fit() {
        String text = "x".repeat(2000);
        ToolDeclaration d =
                ToolDeclaration.builder("big", "Big.", TestTools.NO_ARGS).build();
        Gate small = new Gate(
                List.of(TestTools.tool(
                        d,
                        (c, a) -> ToolOutput.ok(
                                TestTools.json("{\"rows\":[" + ("\"" + text + "\",").repeat(9) + "\"" + text + "\"]}")),
                        Resource.MESH)),
                agent -> AgentPolicy.of("cli", "big"),
                new Limits(10, 100, Duration.ofSeconds(5), 100, 1024),
                audit);

        ToolResult r = small.call(as(STEWARD, "cli", "r"), "big", TestTools.json("{}"));

        assertThat(r.status()).isEqualTo(Status.TRUNCATED);
        assertThat(r.data().get("rows").size()).isEqualTo(1);
        assertThat(r.data().at("/rows/0").asText())
                .hasSize(Capper.SHORT_TEXT + 1)
                .endsWith("…");
        assertThat(r.truncations())
                .contains(new Truncation("/rows", "items", 10, 1, "max_bytes"))
                .contains(new Truncation("/rows/0", "chars", 2000, Capper.SHORT_TEXT, "max_bytes"));
    }

    @Test
    void should_redact_secrets_and_flag_instructions_in_a_tools_message() {
        ToolResult r = call(STEWARD, "leaky", "{}");

        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.message())
                .contains("postgresql://etl:[REDACTED:password]@db")
                .doesNotContain("Sup3rS3cret");
        assertThat(r.flags()).contains(Flag.REDACTED_SECRET, Flag.INSTRUCTION_LIKE_TEXT);
        assertThat(audit.tail(null, "leaky", 1).getFirst().entry().reason()).doesNotContain("Sup3rS3cret");
    }

    @Test
    void should_audit_what_was_asked_as_canonical_json_with_secrets_redacted() {
        String token = "ghp_" + "a1B2".repeat(9);
        call(STEWARD, "profile_table", "{\"z\":1,\"note\":\"use " + token + "\",\"a\":[true]}");

        String args = audit.tail(null, "profile_table", 1).getFirst().entry().args();

        assertThat(args).startsWith("{\"a\":[true],\"note\":\"use [REDACTED:github_token]\",\"z\":1}");
        assertThat(args).doesNotContain(token);
    }

    @Test
    void should_report_no_data_when_a_tool_returns_nothing() {
        ToolResult r = call(STEWARD, "empty", "{}");

        assertThat(r.status()).isEqualTo(Status.NO_DATA);
        assertThat(r.message()).isEqualTo("the tool found nothing");
    }

    @Test
    void should_keep_the_status_the_tool_gave_when_it_has_no_data() {
        ToolResult failed = call(STEWARD, "failing", "{}");

        assertThat(failed.status()).isEqualTo(Status.ERROR);
        assertThat(failed.message()).isEqualTo("failing failed: IllegalStateException: connection pool shut down");
        assertThat(failed.data()).isNull();
        assertThat(audit.tail(null, "failing", 1))
                .singleElement()
                .satisfies(rec -> assertThat(rec.entry().decision()).isEqualTo("error"));
    }
}
