package dev.meshpilot.server.mcp;

import dev.meshpilot.sandbox.principal.Principal;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import java.util.Map;
import java.util.Objects;

/**
 * Who an MCP request is for: the principal a bearer token (HTTP) or the configuration (stdio) named, and the
 * transport it came over. Transports put it into the SDK's per-request {@link McpTransportContext}; handlers
 * read it back with {@link #of}. Immutable.
 */
public record Caller(Principal principal, String transport) {
    static final String KEY = "meshpilot.caller";

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(transport, "transport");
    }

    /** This caller as the SDK's transport context. */
    public McpTransportContext context() {
        return McpTransportContext.create(Map.of(KEY, this));
    }

    /**
     * The caller of the request being handled.
     *
     * @throws McpError (internal error) when a transport forgot to set one: never run a call without a principal
     */
    public static Caller of(McpAsyncServerExchange exchange) {
        if (exchange.transportContext().get(KEY) instanceof Caller c) {
            return c;
        }
        throw McpError.builder(-32603)
                .message("no caller bound to this request")
                .build();
    }
}
