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
 * What an agent starts from: one main string — the name of the MCP argument and of the eval case's input key
 * ({@code incident}), the CLI parameter's label ({@code INCIDENT}), a description, a hint for error messages
 * ({@code an incident id such as INC-1001}), and how the string becomes the agent's input — and, for agents
 * that need more, named {@link Option}s ({@code --since T} on the CLI, a string argument over MCP, a key of
 * the eval case's input) with a main string that may be left out ({@code optional}).
 *
 * @param <I> the agent's input type
 */
public record AgentInput<I>(
        String name,
        String label,
        String description,
        String hint,
        Function<String, I> parse,
        boolean optional,
        List<Option> options,
        Function<Map<String, String>, I> parseFields) {
    /** The longest input accepted over MCP. */
    public static final int MAX_LENGTH = 100;

    public AgentInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(parse, "parse");
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A required main string and no options. */
    public AgentInput(String name, String label, String description, String hint, Function<String, I> parse) {
        this(name, label, description, hint, parse, false, List.of(), null);
    }

    /** An input that is the string itself, e.g. an incident id. */
    public static AgentInput<String> text(String name, String label, String description, String hint) {
        return new AgentInput<>(name, label, description, hint, Function.identity());
    }

    /**
     * An input of several fields: the main string (absent from the map when left out, allowed when
     * {@code optional}) and the options given, by name.
     */
    public static <I> AgentInput<I> fields(
            String name,
            String label,
            String description,
            String hint,
            boolean optional,
            List<Option> options,
            Function<Map<String, String>, I> parse) {
        Function<String, I> main = s -> parse.apply(s == null ? Map.of() : Map.of(name, s));
        return new AgentInput<>(name, label, description, hint, main, optional, options, parse);
    }

    /** A named option, e.g. {@code since} with label {@code T}: {@code --since T} on the CLI. */
    public record Option(String name, String label, String description) {
        public Option {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(description, "description");
        }
    }

    /** The input as a command line shows it: {@code INCIDENT}, or {@code [SCOPE] [--since T] [--until T]}. */
    public String usage() {
        StringBuilder s = new StringBuilder(optional ? "[" + label + "]" : label);
        options.forEach(o ->
                s.append(" [--").append(o.name()).append(' ').append(o.label()).append(']'));
        return s.toString();
    }

    /** The agent's input from its fields by name; unknown keys are ignored. */
    public I parse(Map<String, String> fields) {
        if (parseFields != null) {
            Map<String, String> known = new HashMap<>();
            fields.forEach((k, v) -> {
                if (v != null
                        && (k.equals(name)
                                || options.stream().anyMatch(o -> o.name().equals(k)))) {
                    known.put(k, v);
                }
            });
            return parseFields.apply(Map.copyOf(known));
        }
        return parse.apply(fields.get(name));
    }

    /** The JSON Schema of the input as a tool's arguments: the main string (required unless optional), options. */
    public JsonNode schema() {
        ObjectNode input =
                JsonNodeFactory.instance.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode properties = input.putObject("properties");
        properties
                .putObject(name)
                .put("type", "string")
                .put("minLength", 1)
                .put("maxLength", MAX_LENGTH)
                .put("description", description);
        for (Option o : options) {
            properties
                    .putObject(o.name())
                    .put("type", "string")
                    .put("minLength", 1)
                    .put("maxLength", MAX_LENGTH)
                    .put("description", o.description());
        }
        if (!optional) {
            input.putArray("required").add(name);
        }
        return input;
    }
}
