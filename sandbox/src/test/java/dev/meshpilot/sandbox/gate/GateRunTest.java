package dev.meshpilot.sandbox.gate;

import static dev.meshpilot.sandbox.gate.TestTools.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.audit.VerifyResult;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.sandbox.tool.ToolResult.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GateRunTest extends GateFixture {
    @Test
    void should_time_out_a_slow_tool_and_turn_its_cancellation_check_true() throws Exception {
        ToolResult slow = call(STEWARD, "sleeper", "{}");

        assertThat(slow.status()).isEqualTo(Status.TIMEOUT);
        assertThat(slow.message()).contains("did not finish within 300 ms");
        assertThat(sleeperCancelled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(audit.tail(null, "sleeper", 1).getFirst().entry().decision()).isEqualTo("timeout");
    }

    @Test
    void should_work_the_same_for_a_caller_on_a_virtual_thread() throws Exception {
        AtomicReference<ToolResult> result = new AtomicReference<>();
        Thread.ofVirtual().start(() -> result.set(customers(ANALYST))).join();

        assertThat(result.get().status()).isEqualTo(Status.OK);
        assertThat(result.get().data().at("/rows/0/email").asText()).isEqualTo("[REDACTED:pii]");
    }

    @Test
    void should_read_each_declaration_once_when_the_gate_is_built() {
        AtomicInteger reads = new AtomicInteger();
        Tool counting = new Tool() {
            final Tool inner = TestTools.noop("counted");

            public ToolDeclaration declaration() {
                reads.incrementAndGet();
                return inner.declaration();
            }

            public List<Resource> resources(JsonNode args) {
                return inner.resources(args);
            }

            public ToolOutput run(ToolContext context, JsonNode args) {
                return inner.run(context, args);
            }
        };
        Gate g = new Gate(List.of(counting), a -> AgentPolicy.of("cli", "counted"), Limits.DEFAULT, audit);
        for (int i = 0; i < 3; i++) {
            g.call(as(STEWARD, "cli", "r"), "counted", json("{}"));
        }

        assertThat(reads.get()).isEqualTo(1);
    }

    @Test
    void should_withhold_the_result_when_the_audit_log_cannot_record_it() {
        AuditLog closed = AuditLog.open(tmp.resolve("closed.db"));
        closed.close();
        Gate unaudited = new Gate(
                List.of(TestTools.customers()), a -> AgentPolicy.of("cli", "customers"), Limits.DEFAULT, closed);

        assertThatThrownBy(() -> unaudited.call(
                        as(STEWARD, "cli", "r"), "customers", json("{\"product\":\"customers.profile\"}")))
                .isInstanceOfSatisfying(
                        MeshpilotException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILED));
    }

    @Test
    void should_audit_every_call_allowed_or_denied_without_raw_arguments() {
        customers(STEWARD);
        customers(OUTSIDER);

        assertThat(audit.tail(null, "customers", 10))
                .hasSize(2)
                .anySatisfy(r -> assertThat(r.entry().decision()).isEqualTo("denied"))
                .anySatisfy(r -> assertThat(r.entry().outputBytes()).isPositive())
                .allSatisfy(r -> assertThat(r.entry().argsDigest()).hasSize(64).doesNotContain("customers.profile"));
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void should_audit_every_call_in_one_valid_chain_when_many_threads_call_at_once() throws Exception {
        Gate wide = new Gate(
                List.of(TestTools.customers()),
                a -> AgentPolicy.of("cli", "customers"),
                new Limits(1000, 100_000, Duration.ofSeconds(5), 100, 64 * 1024),
                audit);
        AtomicInteger expected = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int t = 0; t < 16; t++) {
                Principal who = t % 2 == 0 ? STEWARD : OUTSIDER;
                String run = "run-" + t;
                pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        ToolResult r = wide.call(
                                as(who, "cli", run), "customers", json("{\"product\":\"customers.profile\"}"));
                        if (r.status() == (who == STEWARD ? Status.OK : Status.DENIED)) {
                            expected.incrementAndGet();
                        }
                    }
                });
            }
        }

        assertThat(expected.get()).isEqualTo(16 * 50);
        VerifyResult verify = audit.verify();
        assertThat(verify.valid()).as(String.valueOf(verify.problem())).isTrue();
        assertThat(verify.checked()).isEqualTo(16 * 50);
        assertThat(audit.tail("otto", null, 1000)).hasSize(8 * 50);
    }
}
