package dev.meshpilot.agents.llm;

import dev.meshpilot.agents.model.ModelConfig;
import java.time.Duration;

/** Ollama's native /api/chat format: tool-call arguments are a JSON object, not a string. */
final class OllamaScript extends ModelScript {
    @Override
    String path() {
        return "/api/chat";
    }

    @Override
    ModelConfig config(String baseUrl, Duration timeout) {
        return new ModelConfig("ollama", baseUrl, "test-model", null, timeout, 2, Duration.ofMillis(20));
    }

    @Override
    String toolCallBody(String tool, String arguments) {
        return """
                {"model":"test-model","created_at":"2026-11-25T09:00:00Z",
                 "message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"%s","arguments":%s}}]},
                 "done":true,"done_reason":"stop","prompt_eval_count":1200,"eval_count":20}""".formatted(tool, arguments);
    }

    @Override
    String answerBody(String text) {
        return """
                {"model":"test-model","created_at":"2026-11-25T09:00:05Z",
                 "message":{"role":"assistant","content":%s},
                 "done":true,"done_reason":"stop","prompt_eval_count":1500,"eval_count":400}""".formatted(quote(text));
    }
}
