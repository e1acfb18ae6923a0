package dev.meshpilot.server.auth;

import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.config.McpConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bearer tokens to workspace principals, for every HTTP endpoint (MCP and REST). A configured static token
 * ({@code mcp.tokens}): the presented token's SHA-256 is compared, in constant time, with every configured
 * hash (the config never holds a token). With {@code mcp.oauth}, a JWT access token of that authorization
 * server ({@link OAuthTokens}): it acts for the principal its claim names, and a token without the required
 * scope gets 403 {@code insufficient_scope}. Without an {@code Authorization} header a request runs as the
 * anonymous principal the caller passes, if any, and is refused otherwise. Every 401 and 403 carries a
 * {@code WWW-Authenticate} challenge, naming the RFC 9728 metadata when OAuth is on. Tokens are read from the
 * header only and are passed to nothing, not even to the refusal's reason. Thread-safe.
 *
 * <pre>{@code
 * BearerAuth auth = new BearerAuth(config.mcp(), sandbox.principals()::resolve);
 * BearerAuth.Outcome o = auth.authenticate(req.headers().first(AUTHORIZATION).orElse(null), null);
 * }</pre>
 */
public final class BearerAuth {
    /**
     * The outcome: a principal, or the status (401 or 403), {@code WWW-Authenticate} challenge and reason (for
     * the audit log; never the token) of a refusal.
     */
    public record Outcome(Principal principal, int status, String challenge, String reason) {
        static Outcome of(Principal principal) {
            return new Outcome(principal, 200, null, null);
        }

        public boolean refused() {
            return principal == null;
        }
    }

    private final List<McpConfig.TokenGrant> grants;
    private final Function<String, Principal> principals;
    private final OAuthTokens oauth;
    private final String realm;

    /**
     * @param principals resolves a principal id of the loaded workspace; throws {@link MeshpilotException} when
     *     there is none
     */
    public BearerAuth(McpConfig config, Function<String, Principal> principals) {
        this.grants = List.copyOf(config.tokens());
        this.principals = principals;
        this.oauth = config.oauth() == null ? null : new OAuthTokens(config.oauth());
        this.realm = "Bearer realm=\"meshpilot\""
                + (oauth == null ? "" : ", resource_metadata=\"" + oauth.metadataUrl() + "\"");
    }

    /** The OAuth side, empty when {@code mcp.oauth} is not configured. */
    public Optional<OAuthTokens> oauth() {
        return Optional.ofNullable(oauth);
    }

    /** The workspace principal with this id; throws {@link MeshpilotException} when there is none. */
    public Principal principal(String id) {
        return principals.apply(id);
    }

    /** The challenge of a plain 401: {@code Bearer realm="meshpilot"}, with the metadata URL under OAuth. */
    public String challenge() {
        return realm;
    }

    /**
     * Who {@code authorization} (the header's value, or null) authenticates; without the header, {@code
     * anonymous} when not null.
     */
    public Outcome authenticate(String authorization, Principal anonymous) {
        if (authorization == null || authorization.isBlank()) {
            return anonymous != null ? Outcome.of(anonymous) : new Outcome(null, 401, realm, "no bearer token");
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
                                + "\", resource_metadata=\"" + oauth.metadataUrl() + "\"",
                        "insufficient_scope: " + v.error());
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
            return Outcome.of(principals.apply(principal));
        } catch (MeshpilotException e) {
            return invalid("invalid_token", "the token's principal is not in the loaded workspace");
        }
    }

    private Outcome invalid(String error, String description) {
        return new Outcome(
                null,
                401,
                realm + ", error=\"" + error + "\", error_description=\"" + description + "\"",
                error + ": " + description);
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
