package dev.meshpilot.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.meshpilot.agents.migration.MigrationAgent;
import dev.meshpilot.agents.migration.MigrationDescriptor;
import dev.meshpilot.agents.migration.MigrationReport;
import dev.meshpilot.agents.model.ChatModels;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.tools.DemoTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration agent in LLM mode against a scripted OpenAI-compatible model (WireMock), on the demo mesh. */
class LlmMigrationTest {
    @TempDir
    static Path tmp;

    static DemoTools demo;
    static AgentRunner runner;
    static WireMockServer wm;
    static Map<String, String> input;
    static MigrationReport baseline;

    @BeforeAll
    static void setUp() throws IOException {
        demo = new DemoTools(tmp);
        demo.with(demo.allTools(tmp), Map.of(MigrationAgent.NAME, MigrationAgent.TOOLS));
        runner = new AgentRunner(demo.gate, PromptRegistry.bundled(), Clock.systemUTC());
        wm = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        input = Map.of(
                "contract",
                "customers.customer_profile",
                "to",
                Files.readString(DemoTools.DEMO.resolve("contracts/customers.customer_profile.v2.odcs.yaml")));
        baseline = MigrationDescriptor.descriptor()
                .run(runner, input, RunOptions.playbook(demo.principals.resolve("carmen")))
                .run()
                .report();
    }

    @AfterAll
    static void tearDown() {
        wm.stop();
        demo.close();
    }

    static AgentRun<MigrationReport> run(ModelScript s) {
        s.install(wm);
        ModelConfig config = s.config(wm.baseUrl(), Duration.ofSeconds(5));
        RunOptions o = RunOptions.llm(demo.principals.resolve("carmen"), ChatModels.create(config), config);
        return MigrationDescriptor.descriptor().run(runner, input, o).run();
    }

    static ObjectNode answer() {
        ObjectNode a = AgentRun.json().valueToTree(baseline);
        a.put("summary", "Model: phone is now phone_number and birth_date a DATE; customer_360 is covered.");
        return a;
    }

    @Test
    void should_keep_the_classified_changes_and_take_the_models_summary_when_the_model_checks_a_column() {
        AgentRun<MigrationReport> run = run(new OpenAiScript()
                .toolCall("impact", "{\"product\":\"customers.customer_profile\",\"column\":\"email\"}")
                .answer(answer().toString()));

        assertThat(run.run().mode()).isEqualTo("llm");
        assertThat(run.run().prompt()).isEqualTo("migration@v1");
        assertThat(run.report().summary()).startsWith("Model:");
        assertThat(run.report().changes()).isEqualTo(baseline.changes());
        assertThat(run.run().toolCalls().getLast().by()).isEqualTo("model");
        assertThat(run.run().ungrounded()).isEmpty();
    }

    @Test
    void should_drop_a_consumer_the_model_cites_no_evidence_of_this_run_for() {
        ObjectNode a = answer();
        ObjectNode invented = ((ArrayNode) a.get("consumers")).addObject();
        invented.put("product", "finance.revenue_daily").put("coveredByCompatView", false);
        invented.putArray("reads").add("phone");
        invented.putArray("columns").add("phone_copy");
        invented.putArray("evidence").add("E99");

        AgentRun<MigrationReport> run = run(new OpenAiScript().answer(a.toString()));

        assertThat(run.report().consumers())
                .extracting(MigrationReport.Consumer::product)
                .containsExactly("customers.customer_360");
        assertThat(run.run().ungrounded()).singleElement().asString().contains("finance.revenue_daily");
    }
}
