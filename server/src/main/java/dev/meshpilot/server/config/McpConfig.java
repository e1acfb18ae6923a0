package dev.meshpilot.server.config;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How MCP clients reach Meshpilot and whom they act for. Over HTTP a client presents a bearer token; the
 * config holds only the token's SHA-256 hash and the principal it maps to. Over stdio the server runs as
 * one principal. Immutable.
 *
 * @param tokens bearer tokens (by hash) and their principals; empty means every HTTP call gets 401
 * @param stdioPrincipal the principal {@code meshpilot mcp} runs as unless {@code --as} says otherwise, or null
 * @param anonymousPrincipal the principal for HTTP calls without a token, or null (the default: 401)
 * @param allowedOrigins extra browser origins allowed besides loopback ones ({@code http://host:*} allows any port)
 * @param allowedHosts extra {@code Host} header values allowed besides loopback names ({@code name:*} any port)
 */
public record McpConfig(
        List<TokenGrant> tokens,
        String stdioPrincipal,
        String anonymousPrincipal,
        List<String> allowedOrigins,
        List<String> allowedHosts) {
    public static final McpConfig DEFAULT = new McpConfig(List.of(), null, null, List.of(), List.of());

    public McpConfig {
        tokens = List.copyOf(tokens);
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /**
     * A bearer token, by the lowercase hex SHA-256 of its UTF-8 bytes, and the principal it authenticates.
     * Compute one with {@code printf %s "$TOKEN" | sha256sum}.
     */
    public record TokenGrant(String principal, String sha256) {
        public TokenGrant {
            Objects.requireNonNull(principal, "principal");
            if (principal.isBlank()) {
                throw new MeshpilotException(ErrorCode.USAGE, "mcp.tokens[].principal must not be empty");
            }
            String hex = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new MeshpilotException(
                        ErrorCode.USAGE,
                        "mcp.tokens[].sha256 of " + principal
                                + " must be 64 hex digits (the SHA-256 of the token, never the token itself)");
            }
            sha256 = hex;
        }

        /** The hash as bytes, for constant-time comparison. */
        public byte[] hashBytes() {
            return HexFormat.of().parseHex(sha256);
        }
    }

    public McpConfig withStdioPrincipal(String principal) {
        return new McpConfig(tokens, principal, anonymousPrincipal, allowedOrigins, allowedHosts);
    }

    public McpConfig withAnonymousPrincipal(String principal) {
        return new McpConfig(tokens, stdioPrincipal, principal, allowedOrigins, allowedHosts);
    }
}
