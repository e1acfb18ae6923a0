package dev.meshpilot.agents.runtime;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.agents.prompt.Prompt;
import java.util.List;

/**
 * Builds each request of a run's conversation with the prompt's model parameters ({@code temperature},
 * {@code maxOutputTokens} from its front matter), the provider's JSON mode where it has one (OpenAI-compatible
 * {@code response_format: json_object}, Ollama {@code format: json}; Anthropic has none), and for Ollama a
 * context size ({@code num_ctx}) from the request's size, so its default context does not cut the briefing.
 */
final class ModelRequests {
    /** Tokens kept free for the answer when the prompt sets no {@code maxOutputTokens}. */
    static final int ANSWER_RESERVE = 4096;

    static final int MIN_CONTEXT = 8192;
    static final int MAX_CONTEXT = 131_072;
    /** Characters per token assumed when sizing the context (a low estimate, so the context is ample). */
    static final int CHARS_PER_TOKEN = 3;

    private final ModelConfig config;
    private final Double temperature;
    private final Integer maxOutputTokens;
    private final List<ToolSpecification> tools;
    private int context;

    ModelRequests(ModelConfig config, Prompt prompt, List<ToolSpecification> tools) {
        this.config = config;
        this.temperature = prompt.number("temperature");
        Double max = prompt.number("maxOutputTokens");
        if (max == null) {
            max = prompt.number("maxTokens");
        }
        this.maxOutputTokens = max == null ? null : max.intValue();
        this.tools = tools;
    }

    ChatRequest next(List<ChatMessage> messages) {
        ChatRequestParameters p = switch (config.provider()) {
            case "ollama" ->
                OllamaChatRequestParameters.builder()
                        .temperature(temperature)
                        .maxOutputTokens(maxOutputTokens)
                        .toolSpecifications(tools)
                        .responseFormat(ResponseFormat.JSON)
                        .numCtx(context(messages))
                        .build();
            case "openai" ->
                DefaultChatRequestParameters.builder()
                        .temperature(temperature)
                        .maxOutputTokens(maxOutputTokens)
                        .toolSpecifications(tools)
                        .responseFormat(ResponseFormat.JSON)
                        .build();
            default ->
                DefaultChatRequestParameters.builder()
                        .temperature(temperature)
                        .maxOutputTokens(maxOutputTokens)
                        .toolSpecifications(tools)
                        .build();
        };
        return ChatRequest.builder().messages(messages).parameters(p).build();
    }

    /**
     * A context that holds the request and the answer: a power of two from {@value #MIN_CONTEXT} to
     * {@value #MAX_CONTEXT}, never smaller than the run's last (Ollama reloads a model when it changes).
     */
    int context(List<ChatMessage> messages) {
        long chars = tools.stream().mapToLong(t -> t.toString().length()).sum();
        for (ChatMessage m : messages) {
            chars += text(m).length();
        }
        long need = chars / CHARS_PER_TOKEN + (maxOutputTokens != null ? maxOutputTokens : ANSWER_RESERVE);
        int size = MIN_CONTEXT;
        while (size < need && size < MAX_CONTEXT) {
            size *= 2;
        }
        context = Math.max(context, size);
        return context;
    }

    private static String text(ChatMessage m) {
        return switch (m) {
            case SystemMessage s -> s.text();
            case UserMessage u -> u.hasSingleText() ? u.singleText() : u.toString();
            case ToolExecutionResultMessage r -> r.text();
            case AiMessage a -> (a.text() == null ? "" : a.text()) + a.toolExecutionRequests();
            default -> m.toString();
        };
    }
}
