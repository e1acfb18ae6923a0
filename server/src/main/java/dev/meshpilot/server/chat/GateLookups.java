package dev.meshpilot.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.catalog.Renderers.ChatBlock;
import dev.meshpilot.agents.kit.ChatCard;
import dev.meshpilot.sandbox.gate.Gate;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Chat's look-ups that are single tool calls: {@code search_catalog} and {@code get_incident}, each through the gate
 * as the asking principal with the front end {@value #AGENT} (its allowlist in the sandbox), so a denial, a
 * redaction or a cap is the gate's, and the call is audited. Thread-safe.
 */
final class GateLookups {
    /** The front end's name at the gate and in audit records. */
    static final String AGENT = "chat";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Gate gate;

    GateLookups(Gate gate) {
        this.gate = gate;
    }

    ChatReply search(Principal principal, String query) {
        ObjectNode args = JSON.createObjectNode().put("query", query).put("limit", 8);
        ToolResult r = call(principal, "search_catalog", args);
        if (!r.hasData()) {
            return ChatReply.refuse(
                    "search: " + r.status().wireName() + (r.message() == null ? "" : ": " + r.message()));
        }
        List<ChatBlock> blocks = new ArrayList<>();
        blocks.add(ChatBlock.header("Search · " + ChatCard.line(query, 100)));
        StringBuilder s = new StringBuilder();
        for (JsonNode h : r.data().path("hits")) {
            s.append("• *")
                    .append(h.path("type").asText())
                    .append("* `")
                    .append(h.path("id").asText())
                    .append("` ")
                    .append(ChatCard.line(text(h.path("title")), 120))
                    .append('\n');
        }
        blocks.add(ChatBlock.section(s.isEmpty() ? "Nothing found that you may read." : s.toString()));
        blocks.add(ChatBlock.context("search_catalog as " + principal.id() + " · audit #" + r.auditSeq()));
        return new ChatReply("search " + query, blocks, null, null, null, null, null, true);
    }

    ChatReply incident(Principal principal, String id) {
        ToolResult r = call(principal, "get_incident", JSON.createObjectNode().put("id", id));
        if (!r.hasData()) {
            return ChatReply.refuse("incident " + Commands.shown(id) + ": "
                    + r.status().wireName() + (r.message() == null ? "" : ": " + r.message()));
        }
        JsonNode d = r.data();
        List<ChatBlock> blocks = new ArrayList<>();
        blocks.add(ChatBlock.header(id + " · " + ChatCard.line(text(d.path("title")), 120)));
        StringBuilder s = new StringBuilder();
        d.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("id")
                    && !f.getKey().equals("title")
                    && !f.getValue().isNull()) {
                s.append("*")
                        .append(f.getKey())
                        .append("* ")
                        .append(ChatCard.line(
                                f.getValue().isValueNode()
                                        ? f.getValue().asText()
                                        : f.getValue().toString(),
                                400))
                        .append('\n');
            }
        });
        blocks.add(ChatBlock.section(s.toString()));
        blocks.add(ChatBlock.context(
                "get_incident as " + principal.id() + " · `triage " + id + "` for root cause and impact"));
        return new ChatReply("incident " + id, blocks, null, id, null, null, null, true);
    }

    /**
     * A value as text: free text from the mesh comes fenced by the gate ({@code {untrusted, flagged, text}}) and is
     * shown as its text in quotes, marked when the gate found it instruction-like.
     */
    static String text(JsonNode v) {
        if (v.isObject() && v.has("untrusted") && v.has("text")) {
            return "“" + v.path("text").asText() + "”"
                    + (v.path("flagged").asBoolean() ? " _(flagged: reads like instructions; treated as data)_" : "");
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private ToolResult call(Principal principal, String tool, ObjectNode args) {
        String runId = "chat-" + UUID.randomUUID();
        try {
            return gate.call(new ToolContext(principal, AGENT, runId, null, null), tool, args);
        } finally {
            gate.endRun(runId);
        }
    }
}
