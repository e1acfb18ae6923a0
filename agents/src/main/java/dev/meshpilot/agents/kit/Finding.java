package dev.meshpilot.agents.kit;

import java.util.List;

/**
 * A claim in a report that rests on tool results: the evidence ids ({@code E1}, ...) of this run it cites.
 * Grounding drops a finding whose ids are empty or not all from the run ({@link Grounding}).
 */
public interface Finding {
    List<String> evidence();
}
