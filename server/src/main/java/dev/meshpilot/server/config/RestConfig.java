package dev.meshpilot.server.config;

/**
 * How the REST API ({@code /api/v1/...}) admits requests. Every request needs a bearer token (the same
 * {@code mcp.tokens} and {@code mcp.oauth} as MCP) unless an anonymous principal is set: then a request
 * without a token acts for it, scopes and all. Anonymous access is never implied, and {@link ServerConfig}
 * refuses it unless the server binds a loopback address. Immutable.
 *
 * @param anonymousPrincipal the workspace principal requests without a token act for, or null (the default:
 *     they get 401)
 */
public record RestConfig(String anonymousPrincipal) {
    public static final RestConfig DEFAULT = new RestConfig(null);

    public RestConfig {
        anonymousPrincipal =
                anonymousPrincipal == null || anonymousPrincipal.isBlank() ? null : anonymousPrincipal.strip();
    }
}
