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
 * @param rest REST settings: the anonymous principal, if any
 * @throws MeshpilotException ({@link ErrorCode#USAGE}) naming the setting when a value is invalid, or when
 *     {@code rest.anonymousPrincipal} or {@code mcp.anonymousPrincipal} is set and {@code host} is not loopback
 */
public record ServerConfig(String host, int port, long maxBodyBytes, McpConfig mcp, Limits gate, RestConfig rest) {
    public static final ServerConfig DEFAULT = new ServerConfig(
            "127.0.0.1", 8080, 10L * 1024 * 1024, McpConfig.DEFAULT, Limits.DEFAULT, RestConfig.DEFAULT);

    public ServerConfig(String host, int port, long maxBodyBytes) {
        this(host, port, maxBodyBytes, McpConfig.DEFAULT, Limits.DEFAULT);
    }

    public ServerConfig(String host, int port, long maxBodyBytes, McpConfig mcp) {
        this(host, port, maxBodyBytes, mcp, Limits.DEFAULT);
    }

    public ServerConfig(String host, int port, long maxBodyBytes, McpConfig mcp, Limits gate) {
        this(host, port, maxBodyBytes, mcp, gate, RestConfig.DEFAULT);
    }

    public ServerConfig {
        mcp = mcp == null ? McpConfig.DEFAULT : mcp;
        gate = gate == null ? Limits.DEFAULT : gate;
        rest = rest == null ? RestConfig.DEFAULT : rest;
        if (host == null || host.isBlank()) {
            throw new MeshpilotException(ErrorCode.USAGE, "server.host must not be empty (e.g. 127.0.0.1)");
        }
        onlyOnLoopback(host, "rest.anonymousPrincipal", rest.anonymousPrincipal());
        onlyOnLoopback(host, "mcp.anonymousPrincipal", mcp.anonymousPrincipal());
        if (port < 0 || port > 65535) {
            throw new MeshpilotException(ErrorCode.USAGE, "server.port must be 0..65535, got " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new MeshpilotException(
                    ErrorCode.USAGE, "server.maxBodyBytes must be at least 1024, got " + maxBodyBytes);
        }
    }

    /** Anonymous access answers to anyone who can reach the port: only this machine may, on a loopback bind. */
    private static void onlyOnLoopback(String host, String setting, String principal) {
        if (principal != null && !Loopback.is(host)) {
            throw new MeshpilotException(
                    ErrorCode.USAGE,
                    setting + " (" + principal + ") is allowed only when the server binds a loopback address "
                            + "(127.0.0.1, ::1, localhost), but server.host is " + host
                            + ": remove " + setting + " and give clients bearer tokens (mcp.tokens or mcp.oauth), "
                            + "or bind 127.0.0.1");
        }
    }

    /** Whether {@link #host} is a loopback address, the only kind on which anonymous access is allowed. */
    public boolean loopback() {
        return Loopback.is(host);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, maxBodyBytes, mcp, gate, rest);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, maxBodyBytes, mcp, gate, rest);
    }

    public ServerConfig withMcp(McpConfig newMcp) {
        return new ServerConfig(host, port, maxBodyBytes, newMcp, gate, rest);
    }

    public ServerConfig withRest(RestConfig newRest) {
        return new ServerConfig(host, port, maxBodyBytes, mcp, gate, newRest);
    }
}
