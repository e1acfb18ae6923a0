package dev.meshpilot.agents.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.Function;

/**
 * What an agent starts from, given as one string: the name of the MCP argument and of the eval case's input
 * key ({@code incident}), the CLI parameter's label ({@code INCIDENT}), a description, a hint for error
 * messages ({@code an incident id such as INC-1001}), and how the string becomes the agent's input.
 *
 * @param <I> the agent's input type
 */
public record AgentInput<I>(String name, String label, String description, String hint, Function<String, I> parse) {
    /** The longest input accepted over MCP. */
    public static final int MAX_LENGTH = 100;

    public AgentInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(parse, "parse");
    }

    /** An input that is the string itself, e.g. an incident id. */
    public static AgentInput<String> text(String name, String label, String description, String hint) {
        return new AgentInput<>(name, label, description, hint, Function.identity());
    }

    /** The JSON Schema of the input as a tool's arguments: an object with one required string. */
    public JsonNode schema() {
        ObjectNode input =
                JsonNodeFactory.instance.objectNode().put("type", "object").put("additionalProperties", false);
        input.putObject("properties")
                .putObject(name)
                .put("type", "string")
                .put("minLength", 1)
                .put("maxLength", MAX_LENGTH)
                .put("description", description);
        input.putArray("required").add(name);
        return input;
    }
}
