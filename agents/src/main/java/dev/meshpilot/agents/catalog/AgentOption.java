package dev.meshpilot.agents.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A named input beside an agent's main one, e.g. migrate's {@code to} (the proposed contract) or {@code fail_on}.
 * Its name is the MCP argument and the eval case's input key; on the CLI it is {@code --name} (underscores as
 * dashes: {@code --fail-on}). The agent always receives text: a {@link Kind#FILE} option is a path on the CLI
 * (the file's content is passed), the content itself over MCP, and {@code file:NAME} in an eval case (read from
 * the case's folder); a {@link Kind#FLAG} is {@code true} when given.
 */
public record AgentOption(
        String name, String label, String description, Kind kind, boolean required, List<String> choices) {
    /** Suffix of the input that names the path a FILE option was read from on the CLI ({@code to.path}). */
    public static final String PATH = ".path";

    /** The longest FILE content accepted over MCP. */
    public static final int MAX_FILE = 1_000_000;

    /** What the option holds. */
    public enum Kind {
        TEXT,
        FILE,
        FLAG,
        CHOICE
    }

    public AgentOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (kind == Kind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("option " + name + " is a choice with no choices");
        }
    }

    /** The CLI flag, e.g. {@code --fail-on}. */
    public String flag() {
        return "--" + name.replace('_', '-');
    }

    /** Its JSON Schema as a tool argument. */
    ObjectNode schema() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        switch (kind) {
            case FLAG -> s.put("type", "boolean");
            case CHOICE -> {
                s.put("type", "string");
                choices.forEach(s.putArray("enum")::add);
            }
            case FILE -> s.put("type", "string").put("minLength", 1).put("maxLength", MAX_FILE);
            case TEXT -> s.put("type", "string").put("minLength", 1).put("maxLength", AgentInput.MAX_LENGTH);
        }
        return s.put("description", description);
    }
}
