package dev.meshpilot.sandbox.gate;

import static dev.meshpilot.sandbox.gate.TestTools.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Role;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.principal.ScopeGrant;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.sandbox.tool.ToolResult.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTest {
    @TempDir
    Path tmp;

    AuditLog audit;
    Gate gate;

    static final Principal STEWARD = new Principal(
            "carmen",
            Principal.Kind.USER,
            List.of(new Role(
                    "steward",
                    List.of(
                            new ScopeGrant(Scope.SQL_READ, List.of("customers"), List.of()),
                            new ScopeGrant(Scope.PII_READ, List.of(), List.of("customers.profile"))))));
    static final Principal ANALYST = new Principal(
            "priya",
            Principal.Kind.USER,
            List.of(new Role("analyst", List.of(new ScopeGrant(Scope.SQL_READ, List.of("customers"), List.of())))));
    static final Principal OUTSIDER = new Principal("otto", Principal.Kind.USER, List.of());

    @BeforeEach
    void setUp() {
        audit = AuditLog.open(tmp.resolve("audit.db"));
        Map<String, AgentPolicy> agents = Map.of(
                "cli", new AgentPolicy("cli", Set.of("customers", "noop", "sleeper", "drop_table")),
                "triage", new AgentPolicy("triage", Set.of("noop")));
        gate = new Gate(
                List.of(TestTools.customers(), TestTools.noop("noop"), TestTools.sleeper(), TestTools.writer()),
                agents::get,
                new Limits(3, 1000, Duration.ofMillis(300), 100, 64 * 1024),
                audit);
    }

    @AfterEach
    void tearDown() {
        audit.close();
    }

    static ToolContext as(Principal p, String agent, String run) {
        return new ToolContext(p, agent, run, null, null);
    }

    ToolResult customers(Principal p) {
        return gate.call(as(p, "cli", "r-" + p.id()), "customers", json("{\"product\":\"customers.profile\"}"));
    }

    @Test
    void should_show_pii_only_to_the_principal_who_may_read_it() {
        ToolResult steward = customers(STEWARD);
        ToolResult analyst = customers(ANALYST);

        assertThat(steward.status()).isEqualTo(Status.OK);
        assertThat(steward.data().at("/rows/0/email").asText()).isEqualTo("ana@example.com");
        assertThat(analyst.data().at("/rows/0/email").asText()).isEqualTo("[REDACTED:pii]");
        assertThat(analyst.data().toString()).doesNotContain("ana@example.com", "bo@example.com");
        assertThat(analyst.notes()).anySatisfy(n -> assertThat(n).contains("priya lacks pii:read"));
    }

    @Test
    void should_redact_secrets_and_fence_untrusted_text_for_everyone() {
        ToolResult r = customers(STEWARD);

        assertThat(r.data().at("/rows/0/note").asText()).isEqualTo("card [REDACTED:card_number]");
        assertThat(r.data().at("/description/untrusted").asBoolean()).isTrue();
        assertThat(r.data().at("/description/flagged").asBoolean()).isTrue();
    }

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
    void should_deny_tools_outside_the_agents_allowlist_and_list_what_is_allowed() {
        ToolResult r = gate.call(as(STEWARD, "triage", "r1"), "customers", json("{\"product\":\"customers.profile\"}"));
        ToolResult unknown = gate.call(as(STEWARD, "cli", "r1"), "rm_rf", json("{}"));
        ToolResult noAgent = gate.call(as(STEWARD, "hacker", "r1"), "noop", json("{}"));

        assertThat(r.message()).contains("agent triage may not call customers (allowed for triage: noop)");
        assertThat(unknown.message()).contains("unknown tool 'rm_rf'").contains("customers, drop_table, noop, sleeper");
        assertThat(noAgent.status()).isEqualTo(Status.DENIED);
    }

    @Test
    void should_refuse_invalid_arguments_and_write_tools_before_running_anything() {
        ToolResult bad = gate.call(as(STEWARD, "cli", "r1"), "customers", json("{\"product\":\"x; DROP\",\"more\":1}"));
        ToolResult write = gate.call(as(STEWARD, "cli", "r1"), "drop_table", json("{}"));

        assertThat(bad.status()).isEqualTo(Status.DENIED);
        assertThat(bad.message()).contains("invalid arguments for customers").contains("product");
        assertThat(write.status()).isEqualTo(Status.DENIED);
        assertThat(write.message()).contains("never runs tools that change anything");
    }

    @Test
    void should_stop_a_run_that_spent_its_budget() {
        for (int i = 0; i < 3; i++) {
            assertThat(gate.call(as(STEWARD, "cli", "run-x"), "noop", json("{}"))
                            .status())
                    .isNotEqualTo(Status.DENIED);
        }
        ToolResult over = gate.call(as(STEWARD, "cli", "run-x"), "noop", json("{}"));

        assertThat(over.status()).isEqualTo(Status.DENIED);
        assertThat(over.message()).contains("run run-x has used its 3 tool calls");
    }

    @Test
    void should_state_truncation_and_time_out_slow_tools() {
        ToolResult big = gate.call(as(STEWARD, "cli", "r2"), "noop", json("{}"));
        ToolResult slow = gate.call(as(STEWARD, "cli", "r3"), "sleeper", json("{}"));

        assertThat(big.status()).isEqualTo(Status.TRUNCATED);
        assertThat(big.data().get("items").size()).isEqualTo(100);
        assertThat(big.notes()).anySatisfy(n -> assertThat(n).isEqualTo("truncated /items from 500 to 100 items"));
        assertThat(slow.status()).isEqualTo(Status.TIMEOUT);
        assertThat(slow.message()).contains("did not finish within 300 ms");
    }

    @Test
    void should_audit_every_call_allowed_or_denied_without_raw_arguments() {
        customers(STEWARD);
        customers(OUTSIDER);

        assertThat(audit.tail(null, "customers", 10))
                .hasSize(2)
                .anySatisfy(r -> assertThat(r.entry().decision()).isEqualTo("denied"))
                .allSatisfy(r -> assertThat(r.entry().argsDigest()).hasSize(64).doesNotContain("customers.profile"));
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void should_audit_every_call_in_one_valid_chain_when_many_threads_call_at_once() throws Exception {
        Gate wide = new Gate(
                List.of(TestTools.customers()),
                a -> new AgentPolicy("cli", Set.of("customers")),
                new Limits(1000, 100_000, Duration.ofSeconds(5), 100, 64 * 1024),
                audit);
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            for (int t = 0; t < 16; t++) {
                Principal who = t % 2 == 0 ? STEWARD : OUTSIDER;
                String run = "run-" + t;
                pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        ToolResult r = wide.call(
                                as(who, "cli", run), "customers", json("{\"product\":\"customers.profile\"}"));
                        if (r.status() == (who == STEWARD ? Status.OK : Status.DENIED)) {
                            ok.incrementAndGet();
                        }
                    }
                });
            }
        }

        assertThat(ok.get()).isEqualTo(16 * 50);
        var verify = audit.verify();
        assertThat(verify.valid()).isTrue();
        assertThat(verify.checked()).isEqualTo(16 * 50);
    }
}
