package dev.meshpilot.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** LLM mode's guards over Ollama's native API: its context size is set from the request's size. */
class OllamaGuardsTest extends LlmGuardsContract {
    @Override
    ModelScript script() {
        return new OllamaScript();
    }

    @Override
    void assertParameters(JsonNode request) {
        JsonNode options = request.path("options");
        assertThat(options.path("temperature").asDouble()).isEqualTo(0.1);
        assertThat(request.path("format").asText()).isEqualTo("json");
        int numCtx = options.path("num_ctx").asInt();
        // a power of two holding the request (at ~3 characters a token) and 4,096 tokens for the answer
        assertThat(Integer.bitCount(numCtx)).isEqualTo(1);
        assertThat(numCtx)
                .isGreaterThanOrEqualTo(8192)
                .isGreaterThan(request.toString().length() / 3 + 4096);
        assertThat(request.path("tools")).isNotEmpty();
    }
}
