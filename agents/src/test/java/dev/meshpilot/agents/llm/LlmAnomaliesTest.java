package dev.meshpilot.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.meshpilot.agents.anomalies.AnomaliesAgent;
import dev.meshpilot.agents.anomalies.AnomaliesReport;
import dev.meshpilot.agents.anomalies.AnomalyQuery;
import dev.meshpilot.agents.model.ChatModels;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.tools.DemoTools;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anomalies agent in LLM mode against a scripted OpenAI-compatible model: its answer, grounded. */
class LlmAnomaliesTest {
    @TempDir
    static Path tmp;

    static DemoTools demo;
    static AgentRunner runner;
    static WireMockServer wm;
    static AnomaliesReport baseline;
    static final AnomalyQuery CUSTOMERS = new AnomalyQuery("customers", null, null);

    @BeforeAll
    static void setUp() {
        demo = new DemoTools(tmp);
        demo.with(demo.allTools(tmp), Map.of(AnomaliesAgent.NAME, AnomaliesAgent.TOOLS));
        runner = new AgentRunner(demo.gate, PromptRegistry.bundled(), Clock.systemUTC());
        wm = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        baseline = runner.run(
                        new AnomaliesAgent(),
                        CUSTOMERS,
                        RunOptions.playbook(demo.principals.resolve("meshpilot-scheduler")))
                .report();
    }

    @AfterAll
    static void tearDown() {
        wm.stop();
        demo.close();
    }

    AgentRun<AnomaliesReport> run(ModelScript s) {
        s.install(wm);
        ModelConfig config = s.config(wm.baseUrl(), Duration.ofSeconds(5));
        return runner.run(
                new AnomaliesAgent(),
                CUSTOMERS,
                RunOptions.llm(demo.principals.resolve("meshpilot-scheduler"), ChatModels.create(config), config));
    }

    static ObjectNode answer() {
        ObjectNode a = AgentRun.json().valueToTree(baseline);
        a.put("summary", "Model: the customer profile lost e-mails from 11-18; customer_360 follows.");
        return a;
    }

    @Test
    void should_report_the_models_answer_when_it_cites_this_runs_evidence() {
        AgentRun<AnomaliesReport> run = run(new OpenAiScript().answer(answer().toString()));

        assertThat(run.run().ranAs()).hasToString("LLM");
        assertThat(run.report().summary()).startsWith("Model:");
        assertThat(run.report().groups())
                .extracting(g -> g.root().product())
                .containsExactly("customers.customer_profile");
        assertThat(run.run().ungrounded()).isEmpty();
    }

    @Test
    void should_drop_an_echo_whose_evidence_is_not_in_the_run() {
        ObjectNode a = answer();
        ObjectNode echo = (ObjectNode) a.at("/groups/0/echoes/0/anomaly");
        ((ArrayNode) echo.putArray("evidence")).add("E999");

        AgentRun<AnomaliesReport> run = run(new OpenAiScript().answer(a.toString()));

        assertThat(run.report().groups().getFirst().echoes()).isEmpty();
        assertThat(run.run().ungrounded()).anySatisfy(u -> assertThat(u).contains("echo customers.customer_360"));
    }
}
