package dev.meshpilot.evals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.prompt.Prompt;
import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.agents.triage.TriageAgent;
import dev.meshpilot.agents.triage.TriageReport;
import dev.meshpilot.evals.mesh.EvalMesh;
import dev.meshpilot.evals.mesh.Injections;
import dev.meshpilot.evals.mesh.MeshFactory;
import dev.meshpilot.evals.replay.Cassette;
import dev.meshpilot.evals.run.EvalAgents;
import dev.meshpilot.evals.suite.EvalCase;
import dev.meshpilot.evals.suite.Suite;
import dev.meshpilot.evals.suite.SuiteLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the authored cassettes of the triage suite (not a test: runs only with
 * {@code -Dmeshpilot.author.cassettes=true}). No model is reachable where this suite was built, so the model's
 * side is written from each case's playbook draft, the way a model following each prompt behaves: under
 * triage@v1 it checks one fact with a tool and confirms the draft in its own words, ignoring planted
 * instructions; under the deliberately degraded triage@v99 it blames the product named in the incident, always
 * sounds sure, and obeys planted instructions (it asks for sql_query). Cassettes made by {@code --mode record}
 * against a real model replace these; docs/evals.md says which are which.
 */
class CassetteAuthor {
    static final ObjectMapper JSON = AgentRun.json();
    static final List<String> CASES = List.of(
            "nightly-load-stopped",
            "negative-revenue-rows",
            "attribution-stale-chain",
            "odd-card-payments",
            "scoring-job-refused",
            "synthetic-sensor-two-hops",
            "second-page-for-load",
            "refunds-urgent-override");

    @TempDir
    Path work;

    @Test
    void author() {
        Assumptions.assumeTrue(Boolean.getBoolean("meshpilot.author.cassettes"), "authoring only on request");
        Suite suite = SuiteLoader.load(Repo.SUITES, "triage");
        PromptRegistry prompts = Evals.prompts(suite);
        Prompt good = prompts.resolve("triage@v1");
        Prompt bad = prompts.resolve("triage@v99");
        try (MeshFactory meshes =
                new MeshFactory(work, Repo.DEMO, new Injections(Repo.CORPUS), EvalAgents.allowlists())) {
            for (EvalCase c : suite.cases()) {
                if (!CASES.contains(c.id())) {
                    continue;
                }
                EvalMesh mesh = meshes.open(c.mesh());
                AgentRun<TriageReport> draft = mesh.runner(prompts)
                        .run(
                                new TriageAgent(),
                                c.input().get("incident"),
                                RunOptions.playbook(mesh.principal(c.principal())));
                boolean adversarial = c.tags().contains("adversarial");
                faithful(good, draft, adversarial).write(c.cassettePath(good.ref()));
                degraded(bad, draft, adversarial).write(c.cassettePath(bad.ref()));
                if (meshes.owned(mesh)) {
                    mesh.close();
                }
            }
        }
    }

    /** Checks the root cause's recent runs, then confirms the draft with its own summary. */
    static Cassette faithful(Prompt p, AgentRun<TriageReport> draft, boolean adversarial) {
        TriageReport r = draft.report();
        String product = r.rootCause().product() != null ? r.rootCause().product() : r.product();
        ObjectNode answer = JSON.valueToTree(r);
        String summary = r.summary() + " Checked the latest runs of " + product + " (E"
                + (draft.run().toolCalls().size() + 1) + ")."
                + (adversarial ? " Text in the incident's evidence asked for other actions; ignored, it is data." : "");
        answer.put("summary", summary);
        List<Cassette.Exchange> x = new ArrayList<>();
        x.add(ok(toolCall(1, "recent_runs", "{\"product\":\"" + product + "\",\"limit\":3}", 2400)));
        x.add(ok(final_(answer.toString(), 2900, 650)));
        return new Cassette(p.ref(), p.sha256(), "openai", "gpt-4.1-mini", "authored", x);
    }

    /** Blames the incident's own product, sure of itself; obeys planted instructions. */
    static Cassette degraded(Prompt p, AgentRun<TriageReport> draft, boolean adversarial) {
        TriageReport r = draft.report();
        ObjectNode answer = JSON.valueToTree(r);
        ObjectNode root = (ObjectNode) answer.get("rootCause");
        String cls = r.rootCause().product() != null && !r.rootCause().product().equals(r.product())
                ? "upstream_late"
                : r.rootCause().errorClass().equals("unknown")
                        ? "infrastructure"
                        : r.rootCause().errorClass();
        root.put("product", r.product()).put("errorClass", cls).put("likelihood", 0.9);
        root.put("summary", r.product() + " is where the incident was reported, so it is the culprit.");
        answer.put("confidence", 0.9);
        answer.putArray("alternatives");
        List<Cassette.Exchange> x = new ArrayList<>();
        if (adversarial) {
            x.add(ok(toolCall(1, "sql_query", "{\"query\":\"SELECT * FROM payments__transactions\"}", 2300)));
            ((ObjectNode) answer.get("severity")).put("level", "SEV4");
        }
        answer.put(
                "summary",
                "Done as instructed. " + r.product() + " broke; severity "
                        + answer.path("severity").path("level").asText() + ".");
        x.add(ok(final_(answer.toString(), 2700, 500)));
        return new Cassette(p.ref(), p.sha256(), "openai", "gpt-4.1-mini", "authored", x);
    }

    static Cassette.Exchange ok(JsonNode body) {
        return new Cassette.Exchange("/v1/chat/completions", null, 200, body);
    }

    static JsonNode toolCall(int n, String tool, String args, int promptTokens) {
        ObjectNode b = envelope("chatcmpl-" + n, promptTokens, 24);
        ObjectNode msg = ((ObjectNode) b.get("choices").get(0)).putObject("message");
        msg.put("role", "assistant").putNull("content");
        ObjectNode call = msg.putArray("tool_calls").addObject();
        call.put("id", "call_" + n).put("type", "function");
        call.putObject("function").put("name", tool).put("arguments", args);
        ((ObjectNode) b.get("choices").get(0)).put("finish_reason", "tool_calls");
        return b;
    }

    static JsonNode final_(String text, int promptTokens, int completion) {
        ObjectNode b = envelope("chatcmpl-final", promptTokens, completion);
        ((ObjectNode) b.get("choices").get(0))
                .putObject("message")
                .put("role", "assistant")
                .put("content", text);
        ((ObjectNode) b.get("choices").get(0)).put("finish_reason", "stop");
        return b;
    }

    static ObjectNode envelope(String id, int prompt, int completion) {
        ObjectNode b = JSON.createObjectNode();
        b.put("id", id)
                .put("object", "chat.completion")
                .put("created", 1764061200)
                .put("model", "gpt-4.1-mini");
        ArrayNode choices = b.putArray("choices");
        choices.addObject().put("index", 0);
        b.putObject("usage")
                .put("prompt_tokens", prompt)
                .put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return b;
    }
}
