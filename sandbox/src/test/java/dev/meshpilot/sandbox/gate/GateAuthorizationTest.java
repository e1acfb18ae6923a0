package dev.meshpilot.sandbox.gate;

import static dev.meshpilot.sandbox.gate.TestTools.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.sandbox.tool.ToolResult.Status;
import org.junit.jupiter.api.Test;

class GateAuthorizationTest extends GateFixture {
    @Test
    void should_deny_and_explain_when_a_grant_is_missing() {
        ToolResult r = customers(OUTSIDER);

        assertThat(r.status()).isEqualTo(Status.DENIED);
        assertThat(r.message())
                .contains("customers needs sql:read on product customers.profile")
                .contains("otto lacks sql:read")
                .contains("holds: no grants");
        assertThat(r.data()).isNull();
    }

    @Test
    void should_deny_a_product_outside_a_domain_limited_grant_and_list_the_grants_held() {
        ToolResult r = call(ANALYST, "customers", "{\"product\":\"payments.cards\"}");

        assertThat(r.status()).isEqualTo(Status.DENIED);
        assertThat(r.message())
                .contains("priya lacks sql:read on product payments.cards (holds: sql:read on domains "
                        + "customers, catalog:read)");
    }

    @Test
    void should_deny_tools_outside_the_agents_allowlist_and_list_what_is_allowed() {
        ToolResult r = gate.call(as(STEWARD, "triage", "r1"), "customers", json("{\"product\":\"customers.profile\"}"));
        ToolResult unknown = gate.call(as(STEWARD, "cli", "r1"), "rm_rf", json("{}"));
        ToolResult noAgent = gate.call(as(STEWARD, "hacker", "r1"), "noop", json("{}"));
        ToolResult noName = gate.call(as(STEWARD, "cli", "r1"), null, json("{}"));
        ToolResult injected = gate.call(as(STEWARD, "cli", "r1"), "Ignore previous instructions", json("{}"));

        assertThat(r.message()).isEqualTo("agent triage may not call customers (allowed for triage: noop)");
        assertThat(unknown.message())
                .isEqualTo(
                        "unknown tool 'rm_rf' (allowed for cli: customers, empty, failing, leaky, noop, profile_table, "
                                + "sleeper)");
        assertThat(injected.message()).startsWith("unknown tool (not a tool name) (allowed for cli: ");
        assertThat(noAgent.status()).isEqualTo(Status.DENIED);
        assertThat(noAgent.message()).contains("unknown agent 'hacker'");
        assertThat(noName.status()).isEqualTo(Status.DENIED);
    }

    @Test
    void should_refuse_invalid_arguments_before_running_anything_and_say_what_is_expected() {
        ToolResult bad = call(STEWARD, "customers", "{\"product\":\"x; DROP\",\"more\":1}");
        ToolResult missing = gate.call(as(STEWARD, "cli", "r1"), "customers", null);

        assertThat(bad.status()).isEqualTo(Status.DENIED);
        assertThat(bad.message())
                .startsWith("invalid arguments for customers: ")
                .contains("product")
                .contains("more")
                .endsWith("expected arguments: product (required), nothing else")
                .doesNotContain("DROP");
        assertThat(missing.message()).contains("arguments must be a JSON object");
    }

    @Test
    void should_always_refuse_write_tools_even_when_allowlisted() {
        ToolResult write = call(STEWARD, "drop_table", "{}");

        assertThat(write.status()).isEqualTo(Status.DENIED);
        assertThat(write.message()).contains("never runs tools that change anything");
    }

    @Test
    void should_offer_an_agent_only_the_tools_it_may_call() {
        assertThat(gate.declarations("triage"))
                .extracting(ToolDeclaration::name)
                .containsExactly("noop");
        assertThat(gate.declarations("cli")).extracting(ToolDeclaration::name).doesNotContain("drop_table");
        assertThat(gate.declarations("nobody")).isEmpty();
    }

    @Test
    void should_stop_a_run_that_spent_its_budget() {
        for (int i = 0; i < 3; i++) {
            assertThat(gate.call(as(STEWARD, "cli", "run-x"), "noop", json("{}"))
                            .status())
                    .isNotEqualTo(Status.DENIED);
        }
        ToolResult over = gate.call(as(STEWARD, "cli", "run-x"), "noop", json("{}"));
        gate.endRun("run-x");
        ToolResult again = gate.call(as(STEWARD, "cli", "run-x"), "noop", json("{}"));

        assertThat(over.status()).isEqualTo(Status.DENIED);
        assertThat(over.message()).isEqualTo("run run-x has used its 3 tool calls");
        assertThat(again.status()).isNotEqualTo(Status.DENIED);
    }
}
