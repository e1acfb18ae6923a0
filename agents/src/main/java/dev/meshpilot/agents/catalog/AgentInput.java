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
 * {@link AgentOption}s ({@code --since T}, {@code --to FILE}); {@code parseAll} makes the agent's input from all
 * of them by name. {@code acceptsFile} lets the CLI's main parameter name a file, whose content is passed
 * instead; {@code optional} lets the main string be left out (anomalies: no scope is the whole mesh).
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
        boolean acceptsFile,
        boolean optional) {
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

    /** A required main input with options. */
    public AgentInput(
            String name,
            String label,
            String description,
            String hint,
            Function<Map<String, String>, I> parseAll,
            List<AgentOption> options,
            boolean acceptsFile) {
        this(name, label, description, hint, parseAll, options, acceptsFile, false);
    }

    /** A main input alone, made into the agent's input by {@code parse}. */
    public AgentInput(String name, String label, String description, String hint, Function<String, I> parse) {
        this(name, label, description, hint, m -> parse.apply(m.get(name)), List.of(), false, false);
    }

    /** An input that is the string itself, e.g. an incident id. */
    public static AgentInput<String> text(String name, String label, String description, String hint) {
        return new AgentInput<>(name, label, description, hint, Function.identity());
    }

    /**
     * An input of several fields: the main string (absent from the map when left out, allowed when {@code
     * optional}) and the options given, by name.
     */
    public static <I> AgentInput<I> fields(
            String name,
            String label,
            String description,
            String hint,
            boolean optional,
            List<AgentOption> options,
            Function<Map<String, String>, I> parse) {
        return new AgentInput<>(name, label, description, hint, parse, options, false, optional);
    }

    /** The agent's input from the main input alone (null: left out). */
    public Function<String, I> parse() {
        return s -> parse(s == null ? Map.of() : Map.of(name, s));
    }

    /** The agent's input from the main input and options by name (a missing or null one is absent). */
    public I parse(Map<String, String> values) {
        Map<String, String> given = new HashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                given.put(k, v);
            }
        });
        return parseAll.apply(given);
    }

    /** The input as a command line shows it: {@code INCIDENT}, or {@code [SCOPE] [--since T] [--until T]}. */
    public String usage() {
        StringBuilder s = new StringBuilder(optional ? "[" + label + "]" : label);
        for (AgentOption o : options) {
            String use = o.kind() == AgentOption.Kind.FLAG ? o.flag() : o.flag() + " " + o.label();
            s.append(' ').append(o.required() ? use : "[" + use + "]");
        }
        return s.toString();
    }

    /** The JSON Schema of the input as a tool's arguments: the main string (required unless optional), options. */
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
        var required = input.putArray("required");
        if (!optional) {
            required.add(name);
        }
        options.stream().filter(AgentOption::required).forEach(o -> required.add(o.name()));
        return input;
    }
}
