package dev.meshpilot.agents.kit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.Texts;

/** The text of one piece of evidence (its arguments and data, fenced text unfenced), normalised for matching. */
final class EvidenceText {
    private EvidenceText() {}

    static String of(Evidence e) {
        StringBuilder out = new StringBuilder();
        walk(e.args(), out);
        walk(e.data(), out);
        return Support.normal(out.toString());
    }

    private static void walk(JsonNode n, StringBuilder out) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return;
        }
        if (n.isObject() && n.has("untrusted")) {
            out.append(Texts.of(n)).append('\n');
        } else if (n.isContainerNode()) {
            n.forEach(c -> walk(c, out));
        } else {
            out.append(n.asText()).append('\n');
        }
    }
}
