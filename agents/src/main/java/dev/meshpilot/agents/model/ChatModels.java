package dev.meshpilot.agents.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the langchain4j chat model for a config, with the library's own retries off (the runtime retries,
 * so it can classify and count every attempt) and Meshpilot's HTTP client under it, which holds each request
 * to a total deadline covering headers and body and reports a stalled body and the server's
 * {@code Retry-After}.
 */
public final class ChatModels {
    private ChatModels() {}

    public static ChatModel create(ModelConfig c) {
        return switch (c.provider()) {
            case "openai" ->
                OpenAiChatModel.builder()
                        .baseUrl(c.baseUrl())
                        .apiKey(c.apiKey() == null ? "none" : c.apiKey())
                        .modelName(c.model())
                        .timeout(c.timeout())
                        .httpClientBuilder(new ModelHttpClientBuilder(c))
                        .maxRetries(0)
                        .build();
            case "ollama" ->
                OllamaChatModel.builder()
                        .baseUrl(c.baseUrl())
                        .modelName(c.model())
                        .timeout(c.timeout())
                        .httpClientBuilder(new ModelHttpClientBuilder(c))
                        .maxRetries(0)
                        .build();
            case "anthropic" ->
                AnthropicChatModel.builder()
                        .baseUrl(c.baseUrl())
                        .apiKey(c.apiKey())
                        .modelName(c.model())
                        .timeout(c.timeout())
                        .httpClientBuilder(new ModelHttpClientBuilder(c))
                        .maxTokens(4096)
                        .maxRetries(0)
                        .build();
            default -> throw new IllegalArgumentException("unknown provider " + c.provider());
        };
    }
}
