package dev.meshpilot.agents.llm;

/** LLM-mode triage over Ollama's native chat API. */
class OllamaTriageTest extends LlmTriageContract {
    @Override
    ModelScript script() {
        return new OllamaScript();
    }

    @Override
    String malformedArguments() {
        return "{\"id\": 1001, \"force\": true}"; // JSON, but not what get_incident accepts
    }
}
