package dev.meshpilot.server.mcp.http;

import dev.meshpilot.server.mcp.McpEndpoint;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;

/**
 * Reads a POST body as one JSON-RPC message, or says which JSON-RPC error it is: {@code -32700} (parse
 * error) for an empty body or text that is not JSON, {@code -32600} (invalid request) for JSON that is not a
 * message object ({@code null}, {@code 42}, {@code "x"}, {@code true}, a batch array, an object that is no
 * request, notification or response). Never throws for any input. Stateless.
 */
final class JsonRpcBodies {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;

    /** A message, or the error code and text to answer with (400). */
    record Parsed(McpSchema.JSONRPCMessage message, int code, String error) {
        static Parsed refused(int code, String error) {
            return new Parsed(null, code, error);
        }
    }

    private JsonRpcBodies() {}

    static Parsed parse(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            return Parsed.refused(PARSE_ERROR, "Parse error: the body is empty; send one JSON-RPC message object");
        }
        if (text.charAt(0) != '{') {
            if (!isJson(text)) {
                return Parsed.refused(PARSE_ERROR, "Parse error: the body is not JSON");
            }
            return Parsed.refused(
                    INVALID_REQUEST,
                    text.charAt(0) == '['
                            ? "Invalid Request: batches are not supported; send one JSON-RPC message object"
                            : "Invalid Request: the body must be a JSON-RPC message object, not a JSON "
                                    + (text.equals("null") ? "null" : "scalar"));
        }
        try {
            return new Parsed(McpSchema.deserializeJsonRpcMessage(McpEndpoint.JSON, text), 0, null);
        } catch (IOException e) {
            return Parsed.refused(PARSE_ERROR, "Parse error: the body must be one JSON-RPC message");
        } catch (RuntimeException e) {
            return Parsed.refused(INVALID_REQUEST, "Invalid Request: not a JSON-RPC request, notification or response");
        }
    }

    private static boolean isJson(String text) {
        try {
            McpEndpoint.JSON.readValue(text, Object.class);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
