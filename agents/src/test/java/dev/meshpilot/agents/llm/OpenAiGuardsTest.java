package dev.meshpilot.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** LLM mode's guards over the OpenAI-compatible chat completions API. */
class OpenAiGuardsTest extends LlmGuardsContract {
    @Override
    ModelScript script() {
        return new OpenAiScript();
    }

    @Override
    void assertParameters(JsonNode request) {
        assertThat(request.path("temperature").asDouble()).isEqualTo(0.1);
        assertThat(request.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(request.path("tools")).isNotEmpty();
    }
}
