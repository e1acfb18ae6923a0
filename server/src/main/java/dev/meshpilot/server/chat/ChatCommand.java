package dev.meshpilot.server.chat;

import java.util.Map;

/** What a chat request asks for, once parsed: help, a search, an incident, an agent run, or a refusal in words. */
public sealed interface ChatCommand {
    /** The commands there are. */
    record Help() implements ChatCommand {}

    /** Search the catalog for {@code query}. */
    record Search(String query) implements ChatCommand {}

    /** Show incident {@code id}. */
    record Incident(String id) implements ChatCommand {}

    /**
     * Run agent {@code agent} of the catalog on {@code inputs} (its main input and options by name), with the
     * configured model when {@code llm}.
     */
    record Run(String agent, Map<String, String> inputs, boolean llm) implements ChatCommand {
        public Run {
            inputs = Map.copyOf(inputs);
        }

        /** The main input, e.g. the incident id; null when left out. */
        public String main(String name) {
            return inputs.get(name);
        }
    }

    /** Not run: {@code message} says why and what to type instead (asks for what is missing). */
    record Refused(String message) implements ChatCommand {}
}
