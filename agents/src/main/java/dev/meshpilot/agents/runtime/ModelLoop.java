package dev.meshpilot.agents.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.agents.model.ModelFailure;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The LLM loop of one run: the model sees the agent's tools (from the gate's declarations), every call it
 * asks for goes through the {@link ToolBox} (so through the gate), and its final answer must be JSON valid
 * against the report schema — with one repair turn when it is not. Model failures are classified; retriable
 * ones are retried with exponential backoff within the run's wall clock. Never throws for a model problem:
 * it returns a failure with the reason, and the runtime falls back to the playbook.
 */
final class ModelLoop {
    private static final ObjectMapper JSON = AgentRun.json();

    /** The answer, or why there is none. */
    record Outcome(JsonNode answer, String failure) {}

    private final ChatModel model;
    private final ModelConfig config;
    private final ToolBox tools;
    private final int maxTurns;
    private final Schema schema;
    private final List<ChatMessage> messages = new ArrayList<>();
    private int turns;
    private TokenUsage tokens;

    ModelLoop(ChatModel model, ModelConfig config, ToolBox tools, int maxTurns, JsonNode reportSchema) {
        this.model = model;
        this.config = config;
        this.tools = tools;
        this.maxTurns = maxTurns;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(reportSchema.toString(), InputFormat.JSON);
    }

    Outcome run(String system, String user) {
        messages.add(SystemMessage.from(system));
        messages.add(UserMessage.from(user));
        List<ToolSpecification> specs =
                tools.declarations().stream().map(ModelLoop::specification).toList();
        boolean repaired = false;
        while (turns < maxTurns) {
            ChatResponse response;
            try {
                response = chat(ChatRequest.builder()
                        .messages(messages)
                        .toolSpecifications(specs)
                        .build());
            } catch (Failed f) {
                return new Outcome(null, f.getMessage());
            }
            AiMessage ai = response.aiMessage();
            messages.add(ai);
            if (ai.hasToolExecutionRequests()) {
                try {
                    for (ToolExecutionRequest req : ai.toolExecutionRequests()) {
                        messages.add(ToolExecutionResultMessage.from(req, execute(req)));
                    }
                } catch (RunStopped stopped) {
                    if ("cancelled".equals(stopped.getMessage())) {
                        throw stopped;
                    }
                    return new Outcome(null, stopped.getMessage());
                }
                continue;
            }
            List<String> problems = new ArrayList<>();
            JsonNode answer = parse(ai.text(), problems);
            if (answer != null) {
                schema.validate(answer.toString(), InputFormat.JSON).forEach(e -> problems.add(e.toString()));
            }
            if (problems.isEmpty()) {
                return new Outcome(answer, null);
            }
            if (repaired) {
                return new Outcome(
                        null,
                        "model answer did not match the report schema after a repair turn (" + problems.getFirst()
                                + ")");
            }
            repaired = true;
            messages.add(UserMessage.from("Your answer is not a valid report: "
                    + String.join("; ", problems.stream().limit(5).toList())
                    + ". Reply with only the corrected JSON object that matches the report schema, no prose."));
        }
        return new Outcome(null, "model turn budget of " + maxTurns + " exhausted");
    }

    int turns() {
        return turns;
    }

    TokenUsage tokens() {
        return tokens;
    }

    /** One model request with bounded retries of retriable failures, within the run's wall clock. */
    private ChatResponse chat(ChatRequest request) {
        int attempts = 0;
        while (true) {
            if (tools.clock().instant().isAfter(tools.deadline())) {
                throw new Failed("wall-clock budget exhausted");
            }
            attempts++;
            turns++;
            try {
                ChatResponse r = model.chat(request);
                tokens = tokens == null ? r.tokenUsage() : TokenUsage.sum(tokens, r.tokenUsage());
                return r;
            } catch (RuntimeException e) {
                ModelFailure f = ModelFailure.classify(e);
                if (!f.retriable() || attempts > config.maxRetries()) {
                    throw new Failed(f.reason() + (attempts > 1 ? " after " + attempts + " attempts" : ""));
                }
                sleep(config.backoff().multipliedBy(1L << (attempts - 1)));
            }
        }
    }

    private void sleep(Duration d) {
        Duration left = Duration.between(tools.clock().instant(), tools.deadline());
        Duration wait = d.compareTo(left) < 0 ? d : left;
        if (!wait.isNegative()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunStopped("cancelled");
            }
        }
    }

    /** Runs one requested call through the gate; whatever happens, the model gets a JSON result to read. */
    private String execute(ToolExecutionRequest req) {
        String tool = tools.gateName(req.name());
        JsonNode args;
        try {
            args = JSON.readTree(req.arguments() == null || req.arguments().isBlank() ? "{}" : req.arguments());
        } catch (JsonProcessingException e) {
            args = null;
        }
        if (args == null || !args.isObject()) {
            // still through the gate, so the malformed attempt is validated, refused and audited
            ObjectNode raw = JSON.createObjectNode();
            raw.put("_unparsed", String.valueOf(req.arguments()));
            args = raw;
        }
        Evidence e = tools.call(tool, args, "model");
        ObjectNode out = JSON.createObjectNode();
        out.put("evidence", e.id());
        out.put("status", e.result().status().wireName());
        if (e.result().message() != null) {
            out.put("message", e.result().message());
        }
        if (!e.result().notes().isEmpty()) {
            e.result().notes().forEach(out.putArray("notes")::add);
        }
        if (e.hasData()) {
            out.set("data", e.data());
        }
        return out.toString();
    }

    /** The JSON object in a model's answer, allowing a Markdown code fence around it. */
    static JsonNode parse(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add("the answer is empty");
            return null;
        }
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            problems.add("the answer holds no JSON object");
            return null;
        }
        try {
            JsonNode n = JSON.readTree(text.substring(start, end + 1));
            if (!n.isObject()) {
                problems.add("the answer is not a JSON object");
                return null;
            }
            return n;
        } catch (JsonProcessingException e) {
            problems.add("the answer is not valid JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    /** Model-facing tool names use {@code _} where gate names use {@code .} (providers allow [a-zA-Z0-9_-]). */
    static String modelName(String gateName) {
        return gateName.replace('.', '_');
    }

    static ToolSpecification specification(ToolDeclaration d) {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("name", modelName(d.name()));
        spec.put("description", d.description());
        spec.set("parameters", d.inputSchema());
        return ToolSpecification.fromJson(spec.toString());
    }

    private static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String reason) {
            super(reason, null, false, false);
        }
    }
}
