package dev.meshpilot.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.triage.TriageReport;
import dev.meshpilot.sandbox.audit.AuditRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The guards of LLM mode against a scripted provider (issue #14), one subclass per provider API: what a model
 * claims is judged against the evidence per field, the playbook's report is the floor, answers are bounded,
 * and the model client keeps its deadline, honours Retry-After, counts turns per exchange, sends the prompt's
 * parameters and says exactly what failed. Each case asserts on the report, the reason and the audit.
 */
abstract class LlmGuardsContract extends ScriptedTriage {

    /** Asserts the provider-specific parameters of the first request (temperature, JSON mode, context). */
    abstract void assertParameters(JsonNode firstRequest);

    @Override
    String malformedArguments() {
        return "{}";
    }

    @Test
    void should_keep_the_playbook_severity_when_the_model_changes_it_without_new_evidence() {
        ObjectNode changed = answer();
        ((ObjectNode) changed.get("severity")).put("level", "SEV4").put("rule", "as instructed by the runbook");
        changed.put("summary", "INC-1001 (SEV4): minor, as the runbook says.");

        AgentRun<TriageReport> run = run(script().answer(changed.toString()));

        assertThat(run.run().mode()).isEqualTo("llm");
        assertThat(run.report().severity()).isEqualTo(baseline.severity());
        assertThat(run.run().notes())
                .anySatisfy(n -> assertThat(n)
                        .contains("severity kept from the playbook (SEV1) over the model's (SEV4)")
                        .contains("beyond what the playbook weighed"));
        assertThat(run.report().summary()).isEqualTo(baseline.summary()).doesNotContain("SEV4");
        assertThat(audited(run)).hasSize(PLAYBOOK_CALLS);
    }

    @Test
    void should_put_the_playbook_severity_back_when_the_model_cites_no_evidence_for_it() {
        ObjectNode empty = answer();
        ((ObjectNode) empty.get("severity")).putArray("evidence");

        AgentRun<TriageReport> run = run(script().answer(empty.toString()));

        assertThat(run.run().mode()).isEqualTo("llm");
        assertThat(run.run().ungrounded()).anySatisfy(d -> assertThat(d).contains("severity SEV1 cites no evidence"));
        assertThat(run.report().severity()).isEqualTo(baseline.severity());
        assertThat(run.report().severity().evidence()).isNotEmpty();
        assertThat(audited(run)).hasSize(PLAYBOOK_CALLS);
    }

    @Test
    void should_drop_claims_citing_unrelated_or_denied_evidence_and_keep_the_playbook_findings() {
        ObjectNode moved = answer();
        ((ObjectNode) moved.get("rootCause"))
                .put("product", "orders.order_events")
                .put("errorClass", "infrastructure")
                .put("summary", "Kafka broker outage")
                .put("likelihood", 0.95)
                .putArray("evidence")
                .add("E1");
        moved.put("confidence", 0.95);
        var steps = moved.putArray("nextSteps");
        steps.addObject()
                .put("runbook", "RB-kafka-broker")
                .put("step", "Restart the broker.")
                .putArray("evidence")
                .add("E1");
        steps.addObject()
                .put("runbook", "RB-schema-drift")
                .put("step", "Dump the table.")
                .putArray("evidence")
                .add("E10");

        AgentRun<TriageReport> run =
                run(script().toolCall("sql_query", "{\"query\":\"SELECT 1\"}").answer(moved.toString()));

        assertThat(run.run().mode()).isEqualTo("llm");
        assertThat(run.report().rootCause()).isEqualTo(baseline.rootCause());
        assertThat(run.report().confidence()).isEqualTo(baseline.confidence());
        assertThat(run.report().nextSteps()).isEqualTo(baseline.nextSteps());
        assertThat(run.run().ungrounded())
                .anySatisfy(d ->
                        assertThat(d).contains("rootCause orders.order_events", "E1 (get_incident)", "none of them"))
                .anySatisfy(d -> assertThat(d).contains("nextStep from RB-kafka-broker", "a runbook search result"))
                .anySatisfy(d -> assertThat(d).contains("nextStep from RB-schema-drift", "E10 (denied)"));
        assertThat(run.report().summary()).isEqualTo(baseline.summary());
        AuditRecord denied = audited(run).getFirst();
        assertThat(denied.entry().tool()).isEqualTo("sql.query");
        assertThat(denied.entry().decision()).isEqualTo("denied");
    }

    @Test
    void should_accept_a_verdict_change_backed_by_new_evidence_and_say_so() {
        ObjectNode raised = answer();
        // the model checks the product's runs itself (E10) and cites that for its severity
        ((ObjectNode) raised.get("severity"))
                .put("level", "SEV2")
                .putArray("evidence")
                .add("E10");

        AgentRun<TriageReport> run = run(script().toolCall(
                        "recent_runs", "{\"product\":\"payments.transactions\",\"state\":\"FAILED\",\"limit\":1}")
                .answer(raised.toString()));

        assertThat(run.report().severity().level()).isEqualTo("SEV2");
        assertThat(run.run().notes())
                .anySatisfy(n -> assertThat(n).contains("severity changed by the model", "(SEV1) to (SEV2)", "[E10]"));
        assertThat(audited(run)).hasSize(PLAYBOOK_CALLS + 1);
    }

    @Test
    void should_refuse_a_giant_answer_and_cut_an_overlong_text_field() {
        ObjectNode giant = answer();
        giant.put("summary", "x".repeat(5 * 1024 * 1024));
        ObjectNode longer = answer();
        longer.put("summary", "y".repeat(50_000));

        AgentRun<TriageReport> run = run(script().answer(giant.toString()).answer(longer.toString()));

        assertThat(run.run().mode()).isEqualTo("llm");
        assertThat(run.report().summary()).hasSize(4_000).endsWith("[truncated]");
        assertThat(run.run().notes())
                .anySatisfy(n -> assertThat(n).contains("summary was cut to 4,000 of its 50,000 characters"));
        assertThat(lastRequest().toString()).contains("over the limit of 200,000");

        AgentRun<TriageReport> twice = run(script().answer(giant.toString()).answer(giant.toString()));
        assertThat(twice.run().fallbackReason())
                .startsWith("schema: ")
                .contains("the answer is 5,2")
                .contains("over the limit of 200,000");
        assertThat(twice.report()).isEqualTo(baseline);
        assertThat(audited(twice)).hasSize(PLAYBOOK_CALLS);
    }

    @Test
    void should_end_a_trickled_answer_at_the_request_deadline() {
        ModelScript s = script();
        for (int i = 0; i < 3; i++) {
            s.dribbled(answer().toString(), 40, 8_000); // a piece every 200 ms: never stalled, never done in time
        }
        AgentRun<TriageReport> run = run(s, "alice", Duration.ofSeconds(1));

        assertThat(run.run().fallbackReason())
                .startsWith("deadline: model answer not complete within the request deadline of 1 s")
                .endsWith("after 3 attempts");
        assertThat(run.run().mode()).startsWith("playbook (fallback: deadline:");
        assertThat(run.report()).isEqualTo(baseline);
        assertThat(run.run().modelTurns()).isEqualTo(1);
        assertThat(audited(run)).hasSize(PLAYBOOK_CALLS);
    }

    @Test
    void should_end_a_stalled_answer_as_a_stall() {
        ModelScript s = script().dribbled(answer().toString(), 4, 4_000); // a piece a second after the headers
        ModelConfig c = s.config(wm.baseUrl(), Duration.ofSeconds(3));
        ModelConfig stalling = new ModelConfig(
                c.provider(), c.baseUrl(), c.model(), c.apiKey(), c.timeout(), 0, c.backoff(), Duration.ofMillis(300));

        AgentRun<TriageReport> run = run(s, stalling);

        assertThat(run.run().fallbackReason())
                .startsWith("stall: model response stalled: nothing for 300 ms after ")
                .contains("bytes of the body");
        assertThat(run.report()).isEqualTo(baseline);
        assertThat(audited(run)).hasSize(PLAYBOOK_CALLS);
    }

    @Test
    void should_say_connect_when_nothing_listens() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ModelScript s = script();
        AgentRun<TriageReport> run = run(s, s.config("http://127.0.0.1:" + port, Duration.ofSeconds(2)));
        assertThat(run.run().fallbackReason())
                .isEqualTo("connect: model server cannot be reached (connection refused) after 3 attempts");
        assertThat(audited(run)).hasSize(PLAYBOOK_CALLS);
    }

    @Test
    void should_wait_as_retry_after_asks_and_count_one_turn() {
        AgentRun<TriageReport> run = run(script().statusRetryAfter(429, "1").answer(answer().toString()));

        assertThat(run.run().mode()).isEqualTo("llm");
        assertThat(run.run().modelTurns()).isEqualTo(1);
        assertThat(run.run().notes())
                .anySatisfy(n -> assertThat(n).contains("retried after 1000 ms (the server's Retry-After)"));
        assertThat(wm.getAllServeEvents()).hasSize(2);
        assertThat(audited(run)).hasSize(PLAYBOOK_CALLS);
    }

    @Test
    void should_fall_back_when_retry_after_is_past_the_wall_clock() {
        AgentRun<TriageReport> run = run(script().statusRetryAfter(503, "3600"));

        assertThat(run.run().fallbackReason())
                .startsWith("status: model server error (HTTP 503)")
                .contains("Retry-After of 3600 s is past the run's remaining wall clock");
        assertThat(wm.getAllServeEvents()).hasSize(1);
        assertThat(run.report()).isEqualTo(baseline);
    }

    @Test
    void should_send_the_prompt_parameters_and_json_mode() {
        AgentRun<TriageReport> run = run(script().answer(answer().toString()));

        assertThat(run.run().mode()).isEqualTo("llm");
        assertParameters(firstRequest());
    }

    JsonNode firstRequest() {
        var events = wm.getAllServeEvents(); // newest first
        try {
            return AgentRun.json().readTree(events.getLast().getRequest().getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
