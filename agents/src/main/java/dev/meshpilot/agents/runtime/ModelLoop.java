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
import dev.meshpilot.agents.model.ModelFailure.Kind;
import dev.meshpilot.agents.prompt.Prompt;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The LLM loop of one run: the model sees the agent's tools (from the gate's declarations), every call it
 * asks for goes through the {@link ToolBox} (so through the gate), and its final answer must be JSON valid
 * against the report schema, within the answer's size bounds ({@link AnswerBounds}) — with one repair turn
 * when it is not. Each exchange is one model turn, however many attempts it took: retriable failures are
 * retried with exponential backoff, or after the server's {@code Retry-After} when it fits the run's wall
 * clock, and every retry is stated in {@link #notes()}. Never throws for a model problem: it returns a failure
 * whose reason starts with what failed ({@code connect}, {@code status}, {@code deadline}, {@code stall},
 * {@code schema}, {@code budget}), and the runtime falls back to the playbook.
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
    private final AnswerBounds bounds;
    private final Prompt prompt;
    private final List<ChatMessage> messages = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int turns;
    private TokenUsage tokens;

    ModelLoop(ChatModel model, ModelConfig config, ToolBox tools, int maxTurns, JsonNode reportSchema, Prompt prompt) {
        this.model = model;
        this.config = config;
        this.tools = tools;
        this.maxTurns = maxTurns;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(reportSchema.toString(), InputFormat.JSON);
        this.bounds = new AnswerBounds(reportSchema);
        this.prompt = prompt;
    }

    Outcome run(String system, String user) {
        messages.add(SystemMessage.from(system));
        messages.add(UserMessage.from(user));
        ModelRequests requests = new ModelRequests(
                config,
                prompt,
                tools.declarations().stream().map(ModelLoop::specification).toList());
        boolean repaired = false;
        while (turns < maxTurns) {
            ChatResponse response;
            try {
                response = chat(requests.next(messages));
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
                    return new Outcome(null, Kind.BUDGET.wireName() + ": " + stopped.getMessage());
                }
                continue;
            }
            List<String> problems = new ArrayList<>();
            String tooLarge = AnswerBounds.oversized(ai.text());
            JsonNode answer = null;
            List<String> cuts = List.of();
            if (tooLarge != null) {
                problems.add(tooLarge);
            } else {
                answer = parse(ai.text(), problems);
            }
            if (answer != null) {
                cuts = bounds.cap(answer);
                schema.validate(answer.toString(), InputFormat.JSON).forEach(e -> problems.add(e.toString()));
            }
            if (problems.isEmpty()) {
                notes.addAll(cuts);
                return new Outcome(answer, null);
            }
            if (repaired) {
                return new Outcome(
                        null,
                        Kind.SCHEMA.wireName() + ": model answer did not match the report schema after a repair turn ("
                                + problems.getFirst() + ")");
            }
            repaired = true;
            messages.add(UserMessage.from("Your answer is not a valid report: "
                    + String.join("; ", problems.stream().limit(5).toList())
                    + ". Reply with only the corrected JSON object that matches the report schema, no prose."));
        }
        return new Outcome(null, Kind.BUDGET.wireName() + ": model turn budget of " + maxTurns + " exhausted");
    }

    /** Model turns: exchanges with the model, each counted once however many attempts it took. */
    int turns() {
        return turns;
    }

    TokenUsage tokens() {
        return tokens;
    }

    /** What the loop did that the report should say: retries and their waits, texts cut to their limits. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** One exchange: bounded retries of retriable failures, within the run's wall clock. */
    private ChatResponse chat(ChatRequest request) {
        turns++;
        int attempts = 0;
        while (true) {
            if (tools.clock().instant().isAfter(tools.deadline())) {
                throw new Failed(Kind.BUDGET.wireName() + ": wall-clock budget exhausted"
                        + (attempts > 0 ? " after " + attempts + " attempts" : ""));
            }
            attempts++;
            try {
                ChatResponse r = model.chat(request);
                tokens = tokens == null ? r.tokenUsage() : TokenUsage.sum(tokens, r.tokenUsage());
                return r;
            } catch (RuntimeException e) {
                ModelFailure f = ModelFailure.classify(e);
                String failed = f.described() + (attempts > 1 ? " after " + attempts + " attempts" : "");
                if (!f.retriable() || attempts > config.maxRetries()) {
                    throw new Failed(failed);
                }
                Duration backoff = config.backoff().multipliedBy(1L << (attempts - 1));
                Duration wait =
                        f.retryAfterWait().filter(r -> r.compareTo(backoff) > 0).orElse(backoff);
                Duration left = Duration.between(tools.clock().instant(), tools.deadline());
                if (f.retryAfterWait().isPresent() && wait.compareTo(left) >= 0) {
                    throw new Failed(failed + "; its Retry-After of " + wait.toSeconds()
                            + " s is past the run's remaining wall clock of " + Math.max(0, left.toSeconds()) + " s");
                }
                notes.add("model turn " + turns + ", attempt " + attempts + ": " + f.described() + "; retried after "
                        + wait.toMillis() + " ms"
                        + (f.retryAfterWait().isPresent() ? " (the server's Retry-After)" : " (backoff)"));
                sleep(wait);
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
