package dev.meshpilot.server.config;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.net.URI;
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
 * @param oauth an OAuth 2.1 authorization server whose access tokens are accepted too, or null (the default)
 */
public record McpConfig(
        List<TokenGrant> tokens,
        String stdioPrincipal,
        String anonymousPrincipal,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        OAuth oauth) {
    public static final McpConfig DEFAULT = new McpConfig(List.of(), null, null, List.of(), List.of());

    public McpConfig {
        tokens = List.copyOf(tokens);
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** Without OAuth: static bearer tokens only. */
    public McpConfig(
            List<TokenGrant> tokens,
            String stdioPrincipal,
            String anonymousPrincipal,
            List<String> allowedOrigins,
            List<String> allowedHosts) {
        this(tokens, stdioPrincipal, anonymousPrincipal, allowedOrigins, allowedHosts, null);
    }

    /**
     * An OAuth 2.1 authorization server whose access tokens (signed JWTs) the HTTP transport accepts, as an
     * OAuth resource server. A token is valid when its signature checks against a key of {@code jwksUrl}, its
     * {@code iss} is {@code issuer}, its {@code aud} includes {@code audience}, and it has not expired; it
     * then acts for the workspace principal its {@code principalClaim} names. The HTTP endpoint publishes
     * RFC 9728 metadata naming {@code audience} as the resource and {@code issuer} as its authorization server.
     *
     * @param issuer the exact {@code iss} of accepted tokens
     * @param jwksUrl the issuer's JSON Web Key Set (fetched when a token names a key not yet known, then cached)
     * @param audience this MCP endpoint's canonical URL (e.g. {@code https://mesh.example.com/mcp})
     * @param principalClaim the claim holding the principal's id ({@code sub} unless set)
     * @param requiredScope a scope every token must grant ({@code scope} or {@code scp} claim), or null for none
     */
    public record OAuth(String issuer, URI jwksUrl, URI audience, String principalClaim, String requiredScope) {
        public OAuth {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(jwksUrl, "jwksUrl");
            Objects.requireNonNull(audience, "audience");
            principalClaim = principalClaim == null ? "sub" : principalClaim;
        }
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
        return new McpConfig(tokens, principal, anonymousPrincipal, allowedOrigins, allowedHosts, oauth);
    }

    public McpConfig withAnonymousPrincipal(String principal) {
        return new McpConfig(tokens, stdioPrincipal, principal, allowedOrigins, allowedHosts, oauth);
    }
}
