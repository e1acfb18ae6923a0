package dev.meshpilot.server.config;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.sandbox.gate.Limits;

/**
 * How the HTTP server listens. Binds to loopback by default: nothing is reachable from another machine
 * unless a user configures it.
 *
 * @param host the address to bind (default {@code 127.0.0.1})
 * @param port the port (default 8080; 0 picks a free one)
 * @param maxBodyBytes the largest request body accepted (default 10 MiB); larger ones get 413
 * @param mcp MCP settings: bearer tokens, the stdio principal, allowed origins and hosts
 * @param gate the sandbox gate's budgets and caps for every tool call the server runs (default
 *     {@link Limits#DEFAULT})
 */
public record ServerConfig(String host, int port, long maxBodyBytes, McpConfig mcp, Limits gate) {
    public static final ServerConfig DEFAULT =
            new ServerConfig("127.0.0.1", 8080, 10L * 1024 * 1024, McpConfig.DEFAULT, Limits.DEFAULT);

    public ServerConfig(String host, int port, long maxBodyBytes) {
        this(host, port, maxBodyBytes, McpConfig.DEFAULT, Limits.DEFAULT);
    }

    public ServerConfig(String host, int port, long maxBodyBytes, McpConfig mcp) {
        this(host, port, maxBodyBytes, mcp, Limits.DEFAULT);
    }

    public ServerConfig {
        mcp = mcp == null ? McpConfig.DEFAULT : mcp;
        gate = gate == null ? Limits.DEFAULT : gate;
        if (host == null || host.isBlank()) {
            throw new MeshpilotException(ErrorCode.USAGE, "server.host must not be empty (e.g. 127.0.0.1)");
        }
        if (port < 0 || port > 65535) {
            throw new MeshpilotException(ErrorCode.USAGE, "server.port must be 0..65535, got " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new MeshpilotException(
                    ErrorCode.USAGE, "server.maxBodyBytes must be at least 1024, got " + maxBodyBytes);
        }
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, maxBodyBytes, mcp, gate);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, maxBodyBytes, mcp, gate);
    }

    public ServerConfig withMcp(McpConfig newMcp) {
        return new ServerConfig(host, port, maxBodyBytes, newMcp, gate);
    }
}
