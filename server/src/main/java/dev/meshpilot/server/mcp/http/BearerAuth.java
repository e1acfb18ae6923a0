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
 * Bearer tokens to principals: the presented token's SHA-256 is compared, in constant time, with every
 * configured hash (the config never holds a token). Without an {@code Authorization} header a request runs
 * as the configured anonymous principal, if any, and is refused otherwise. Tokens are read from the header
 * only, never from the URL. Thread-safe.
 */
final class BearerAuth {
    /** The outcome: a caller, or the {@code WWW-Authenticate} challenge of a 401. */
    record Outcome(Caller caller, String challenge) {}

    private static final String REALM = "Bearer realm=\"meshpilot\"";
    private final List<McpConfig.TokenGrant> grants;
    private final Principal anonymous;
    private final Function<String, Principal> principals;

    BearerAuth(List<McpConfig.TokenGrant> grants, Principal anonymous, Function<String, Principal> principals) {
        this.grants = List.copyOf(grants);
        this.anonymous = anonymous;
        this.principals = principals;
    }

    Outcome authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return anonymous != null ? new Outcome(new Caller(anonymous, "http"), null) : new Outcome(null, REALM);
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return invalid("invalid_request", "use the Authorization: Bearer scheme");
        }
        byte[] presented = sha256(authorization.substring(7).strip());
        String principal = null;
        for (McpConfig.TokenGrant g : grants) {
            if (MessageDigest.isEqual(presented, g.hashBytes())) {
                principal = g.principal();
            }
        }
        if (principal == null) {
            return invalid("invalid_token", "unknown token");
        }
        try {
            return new Outcome(new Caller(principals.apply(principal), "http"), null);
        } catch (MeshpilotException e) {
            return invalid("invalid_token", "the token's principal is not in the loaded workspace");
        }
    }

    private static Outcome invalid(String error, String description) {
        return new Outcome(null, REALM + ", error=\"" + error + "\", error_description=\"" + description + "\"");
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
