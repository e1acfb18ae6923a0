package dev.meshpilot.agents.llm;

/** LLM-mode triage over the OpenAI-compatible chat completions API. */
class OpenAiTriageTest extends LlmTriageContract {
    @Override
    ModelScript script() {
        return new OpenAiScript();
    }

    @Override
    String malformedArguments() {
        return "{\"id\": INC-1001"; // not JSON
    }
}
