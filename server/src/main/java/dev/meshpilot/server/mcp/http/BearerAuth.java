package dev.meshpilot.server.mcp.http;

import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.config.McpConfig;
import dev.meshpilot.server.mcp.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.Function;

/**
 * Bearer tokens to principals. A configured static token: the presented token's SHA-256 is compared, in
 * constant time, with every configured hash (the config never holds a token). With {@code mcp.oauth}, a JWT
 * access token of that authorization server ({@link OAuthTokens}): it acts for the principal its claim
 * names, and a token without the required scope gets 403 {@code insufficient_scope}. Without an
 * {@code Authorization} header a request runs as the configured anonymous principal, if any, and is refused
 * otherwise. Every 401 and 403 carries a {@code WWW-Authenticate} challenge, naming the RFC 9728 metadata
 * when OAuth is on. Tokens are read from the header only, never from the URL, and are passed to nothing.
 * Thread-safe.
 */
final class BearerAuth {
    /** The outcome: a caller, or the status (401 or 403) and {@code WWW-Authenticate} challenge of a refusal. */
    record Outcome(Caller caller, int status, String challenge) {
        static Outcome of(Caller caller) {
            return new Outcome(caller, 200, null);
        }
    }

    private final List<McpConfig.TokenGrant> grants;
    private final Principal anonymous;
    private final Function<String, Principal> principals;
    private final OAuthTokens oauth;
    private final String realm;

    BearerAuth(McpConfig config, Principal anonymous, Function<String, Principal> principals) {
        this.grants = List.copyOf(config.tokens());
        this.anonymous = anonymous;
        this.principals = principals;
        this.oauth = config.oauth() == null ? null : new OAuthTokens(config.oauth());
        this.realm = "Bearer realm=\"meshpilot\""
                + (oauth == null ? "" : ", resource_metadata=\"" + oauth.metadataUrl() + "\"");
    }

    /** The OAuth side, or null when {@code mcp.oauth} is not configured. */
    OAuthTokens oauth() {
        return oauth;
    }

    Outcome authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return anonymous != null ? Outcome.of(new Caller(anonymous, "http")) : new Outcome(null, 401, realm);
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return invalid("invalid_request", "use the Authorization: Bearer scheme");
        }
        String token = authorization.substring(7).strip();
        byte[] presented = sha256(token);
        String principal = null;
        for (McpConfig.TokenGrant g : grants) {
            if (MessageDigest.isEqual(presented, g.hashBytes())) {
                principal = g.principal();
            }
        }
        if (principal == null && oauth != null && OAuthTokens.looksLikeJwt(token)) {
            OAuthTokens.Verdict v = oauth.verify(token);
            if (v.missingScope()) {
                return new Outcome(
                        null,
                        403,
                        "Bearer error=\"insufficient_scope\", scope=\"" + oauth.requiredScope()
                                + "\", resource_metadata=\"" + oauth.metadataUrl() + "\"");
            }
            if (v.principal() == null) {
                return invalid("invalid_token", quoted(v.error()));
            }
            principal = v.principal();
        }
        if (principal == null) {
            return invalid("invalid_token", "unknown token");
        }
        try {
            return Outcome.of(new Caller(principals.apply(principal), "http"));
        } catch (MeshpilotException e) {
            return invalid("invalid_token", "the token's principal is not in the loaded workspace");
        }
    }

    private Outcome invalid(String error, String description) {
        return new Outcome(null, 401, realm + ", error=\"" + error + "\", error_description=\"" + description + "\"");
    }

    /** Safe inside a quoted header parameter: no quotes, backslashes or control characters. */
    private static String quoted(String text) {
        return text == null ? "" : text.replaceAll("[\"\\\\\\p{Cntrl}]", "'");
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
