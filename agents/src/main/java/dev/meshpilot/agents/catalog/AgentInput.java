package dev.meshpilot.agents.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What an agent starts from: a main input given as one string — the name of the MCP argument and of the eval
 * case's input key ({@code incident}), the CLI parameter's label ({@code INCIDENT}), a description, a hint for
 * error messages ({@code an incident id such as INC-1001}) — and, for agents that need more, named
 * {@link AgentOption}s; {@code parse} makes the agent's input from all of them by name. {@code acceptsFile}
 * lets the CLI's main parameter name a file, whose content is passed instead.
 *
 * @param <I> the agent's input type
 */
public record AgentInput<I>(
        String name,
        String label,
        String description,
        String hint,
        Function<Map<String, String>, I> parseAll,
        List<AgentOption> options,
        boolean acceptsFile) {
    /** The longest input accepted over MCP. */
    public static final int MAX_LENGTH = 100;

    public AgentInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(parseAll, "parseAll");
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A main input alone, made into the agent's input by {@code parse}. */
    public AgentInput(String name, String label, String description, String hint, Function<String, I> parse) {
        this(name, label, description, hint, m -> parse.apply(m.get(name)), List.of(), false);
    }

    /** An input that is the string itself, e.g. an incident id. */
    public static AgentInput<String> text(String name, String label, String description, String hint) {
        return new AgentInput<>(name, label, description, hint, Function.identity());
    }

    /** The agent's input from the main input alone. */
    public Function<String, I> parse() {
        return s -> parseAll.apply(Map.of(name, s));
    }

    /** The agent's input from the main input and options by name (a missing optional one is absent). */
    public I parse(Map<String, String> values) {
        return parseAll.apply(new HashMap<>(values));
    }

    /** The JSON Schema of the input as a tool's arguments: the main string (required) and the options. */
    public JsonNode schema() {
        ObjectNode input =
                JsonNodeFactory.instance.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode props = input.putObject("properties");
        props.putObject(name)
                .put("type", "string")
                .put("minLength", 1)
                .put("maxLength", MAX_LENGTH)
                .put("description", description);
        options.forEach(o -> props.set(o.name(), o.schema()));
        var required = input.putArray("required").add(name);
        options.stream().filter(AgentOption::required).forEach(o -> required.add(o.name()));
        return input;
    }
}
