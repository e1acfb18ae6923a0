package dev.meshpilot.agents.catalog;

import dev.meshpilot.agents.prompt.Prompt;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How an agent shows in an MCP client: a tool ({@code tool}, its title and description) that runs the agent
 * as the caller, progress words ({@code triaging}, {@code triaged}), and an IDE prompt ({@code prompt}, the
 * verb of its title ({@code Triage} INC-1001), its description given the agent's own prompt, its argument's
 * description, and its text given the input and that prompt).
 */
public record McpFace(
        String tool,
        String title,
        String description,
        String running,
        String finished,
        String prompt,
        String verb,
        Function<Prompt, String> promptDescription,
        String promptArgument,
        BiFunction<String, Prompt, String> promptText) {
    public McpFace {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(promptDescription, "promptDescription");
        Objects.requireNonNull(promptArgument, "promptArgument");
        Objects.requireNonNull(promptText, "promptText");
    }

    /** The title of the prompt for one input, e.g. {@code Triage INC-1001}. */
    public String promptTitle(String input) {
        return verb + " " + input;
    }
}
