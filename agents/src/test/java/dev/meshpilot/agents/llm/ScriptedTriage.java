package dev.meshpilot.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.meshpilot.agents.model.ChatModels;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.agents.triage.TriageAgent;
import dev.meshpilot.agents.triage.TriageReport;
import dev.meshpilot.sandbox.audit.AuditRecord;
import dev.meshpilot.tools.DemoTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the scripted-provider tests share: the demo mesh with triage's tools at the gate, WireMock playing the
 * provider, the playbook's report for INC-1001 (E1..E9) as the baseline, and helpers to run a script and read
 * this run's audit records and the requests the provider got. One subclass per provider API.
 */
abstract class ScriptedTriage {
    static final int PLAYBOOK_CALLS = 9;

    @TempDir
    static Path tmp;

    static DemoTools demo;
    static AgentRunner runner;
    static WireMockServer wm;
    static TriageReport baseline;

    abstract ModelScript script();

    /** Tool-call arguments that do not satisfy get_incident's input schema, in this provider's format. */
    abstract String malformedArguments();

    @BeforeAll
    static void setUp() {
        demo = new DemoTools(tmp);
        demo.with(demo.allTools(tmp), Map.of(TriageAgent.NAME, TriageAgent.TOOLS));
        runner = new AgentRunner(demo.gate, PromptRegistry.bundled(), Clock.systemUTC());
        wm = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        baseline = runner.run(new TriageAgent(), "INC-1001", RunOptions.playbook(demo.principals.resolve("alice")))
                .report();
    }

    @AfterAll
    static void tearDown() {
        wm.stop();
        demo.close();
    }

    /** Runs {@code s} against a model configured as {@code config} (e.g. a port nothing listens on). */
    AgentRun<TriageReport> run(ModelScript s, ModelConfig config) {
        s.install(wm);
        return runner.run(
                new TriageAgent(),
                "INC-1001",
                RunOptions.llm(demo.principals.resolve("alice"), ChatModels.create(config), config));
    }

    AgentRun<TriageReport> run(ModelScript s, String principal, Duration timeout) {
        s.install(wm);
        ModelConfig config = s.config(wm.baseUrl(), timeout);
        return runner.run(
                new TriageAgent(),
                "INC-1001",
                RunOptions.llm(demo.principals.resolve(principal), ChatModels.create(config), config));
    }

    AgentRun<TriageReport> run(ModelScript s) {
        return run(s, "alice", Duration.ofSeconds(5));
    }

    /** The baseline report as a model would answer it, with a different summary so the answer is visible. */
    static ObjectNode answer() {
        ObjectNode a = AgentRun.json().valueToTree(baseline);
        a.put("summary", "Model: transactions load refused an undeclared card_number column; revenue flash blocked.");
        return a;
    }

    /** This run's audit records, newest first. */
    static List<AuditRecord> audited(AgentRun<?> run) {
        return demo.audit.tail(null, null, 500).stream()
                .filter(r -> run.run().runId().equals(r.entry().runId()))
                .toList();
    }

    JsonNode lastRequest() {
        var events = wm.getAllServeEvents(); // newest first
        try {
            return AgentRun.json().readTree(events.getFirst().getRequest().getBodyAsString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String injectionPayload(String id) throws java.io.IOException {
        Path corpus = Path.of(
                System.getProperty("meshpilot.standards", "../../shared/standards"),
                "injection",
                "injection_cases.jsonl");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.exists(corpus), "shared standards folder not found at " + corpus + ": skipping");
        for (String line : Files.readAllLines(corpus)) {
            JsonNode n = AgentRun.json().readTree(line);
            if (id.equals(n.path("id").asText())) {
                return n.path("text").asText();
            }
        }
        throw new IllegalStateException("no case " + id + " in " + corpus);
    }
}
