package dev.meshpilot.sandbox.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.Sensitive;
import dev.meshpilot.sandbox.tool.ToolResult.Flag;
import java.util.List;

/**
 * Redacts a result for one principal: classified values it may not see become
 * {@code [REDACTED:<classification>]}; secret-looking strings anywhere become {@code [REDACTED:<kind>]},
 * for everyone.
 */
final class Redactor {
    private Redactor() {}

    static void classified(JsonNode data, Principal principal, List<Sensitive> sensitive, Findings findings) {
        for (Sensitive s : sensitive) {
            if (!s.isProtected()) {
                continue;
            }
            Resource where = s.product() != null
                    ? Resource.product(s.domain(), s.product())
                    : s.domain() != null ? Resource.domain(s.domain()) : Resource.MESH;
            if (AccessPolicy.check(principal, Scope.PII_READ, where).allowed()) {
                continue;
            }
            String mark = "[REDACTED:" + s.classification() + "]";
            int n = Pointers.replace(data, s.path(), v -> v.isNull() ? v : TextNode.valueOf(mark));
            if (n > 0) {
                findings.note(
                        Flag.REDACTED_CLASSIFIED,
                        "redacted " + s.classification() + " values at " + s.path() + " (" + principal.id()
                                + " lacks pii:read on " + where + ")");
            }
        }
    }

    /** Returns {@code node} with secrets replaced (a new node when {@code node} itself is one). */
    static JsonNode secrets(JsonNode node, Findings findings) {
        if (node.isTextual()) {
            String text = node.asText();
            String clean = Secrets.redact(text);
            if (clean.equals(text)) {
                return node;
            }
            findings.note(Flag.REDACTED_SECRET, "redacted secret-looking text (keys, tokens or card numbers)");
            return TextNode.valueOf(clean);
        }
        if (node.isIntegralNumber() && Secrets.cardNumber(node.asText())) {
            findings.note(Flag.REDACTED_SECRET, "redacted secret-looking text (keys, tokens or card numbers)");
            return TextNode.valueOf("[REDACTED:card_number]");
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> e.setValue(secrets(e.getValue(), findings)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, secrets(array.get(i), findings));
            }
        }
        return node;
    }
}
