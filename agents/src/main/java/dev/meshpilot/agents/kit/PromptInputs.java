package dev.meshpilot.agents.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.ToolBox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What every agent's prompt is given besides its own input: the tools it may call ({@code tools}), the calls
 * its playbook made ({@code evidence}), the playbook's report ({@code draft}) and the report's JSON Schema
 * ({@code schema}); and the loading of that schema from beside the agent's class.
 */
public final class PromptInputs {
    private PromptInputs() {}

    /** {@code tools}, {@code evidence}, {@code draft} and {@code schema}, in that order. */
    public static Map<String, Object> common(ToolBox tools, Object draft, JsonNode schema) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(
                "tools",
                tools.declarations().stream()
                        .map(d -> "- " + d.name().replace('.', '_') + ": " + d.description())
                        .collect(Collectors.joining("\n")));
        vars.put(
                "evidence",
                tools.transcript().stream()
                        .map(e -> "- " + e.id() + ": " + e.tool() + " " + e.args() + " -> "
                                + e.result().status().wireName())
                        .collect(Collectors.joining("\n")));
        try {
            vars.put("draft", AgentRun.json().writerWithDefaultPrettyPrinter().writeValueAsString(draft));
            vars.put("schema", AgentRun.json().writeValueAsString(schema));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return vars;
    }

    /** The report schema {@code resource} beside {@code owner}'s class file. */
    public static JsonNode schema(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            return AgentRun.json().readTree(Objects.requireNonNull(in, resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
