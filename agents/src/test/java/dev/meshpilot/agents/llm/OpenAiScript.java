package dev.meshpilot.agents.llm;

import dev.meshpilot.agents.model.ModelConfig;
import java.time.Duration;

/** The OpenAI chat completions format (what OpenAI, vLLM, llama.cpp server, LM Studio and Ollama's /v1 speak). */
final class OpenAiScript extends ModelScript {
    private int calls;

    @Override
    String path() {
        return "/v1/chat/completions";
    }

    @Override
    ModelConfig config(String baseUrl, Duration timeout) {
        return new ModelConfig("openai", baseUrl + "/v1", "test-model", "sk-test", timeout, 2, Duration.ofMillis(20));
    }

    @Override
    String toolCallBody(String tool, String arguments) {
        calls++;
        return """
                {"id":"chatcmpl-%d","object":"chat.completion","created":1764061200,"model":"test-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                   {"id":"call_%d","type":"function","function":{"name":"%s","arguments":%s}}]},
                   "finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":1200,"completion_tokens":20,"total_tokens":1220}}""".formatted(calls, calls, tool, quote(arguments));
    }

    @Override
    String answerBody(String text) {
        return """
                {"id":"chatcmpl-final","object":"chat.completion","created":1764061200,"model":"test-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":1500,"completion_tokens":400,"total_tokens":1900}}""".formatted(quote(text));
    }
}
