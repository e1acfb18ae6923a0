package dev.meshpilot.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.meshpilot.server.config.McpConfig;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OAuth 2.1 resource-server side of Meshpilot's HTTP endpoints (MCP and REST): validates an access token (a signed JWT) against
 * the configured issuer's keys, issuer, audience and expiry, and says whom it acts for. The keys are fetched
 * from the JWKS URL when a token names one not yet known and cached (nimbus-jose-jwt's defaults: 5 minutes,
 * refreshed ahead). Only asymmetric signatures are accepted (no {@code none}, no shared secrets). Also builds
 * this endpoint's RFC 9728 protected-resource metadata. Thread-safe.
 */
public final class OAuthTokens {
    private static final Logger LOG = Logger.getLogger(OAuthTokens.class.getName());
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    private static final int TIMEOUT_MILLIS = 2_000;
    private static final int MAX_JWKS_BYTES = 256 * 1024;
    /** RFC 9728's well-known path; the metadata is served there and under it with the resource's path. */
    public static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    /** A checked token: the principal id it names, or why it was refused ({@code scope}: a missing scope). */
    record Verdict(String principal, String error, boolean missingScope) {}

    private final McpConfig.OAuth config;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    OAuthTokens(McpConfig.OAuth config) {
        this.config = config;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(
                            config.jwksUrl().toURL(),
                            new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, MAX_JWKS_BYTES))
                    .retrying(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("mcp.oauth.jwksUrl is not a URL: " + config.jwksUrl(), e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        // RFC 9068 access tokens say "at+jwt"; many servers still send "JWT" or nothing
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                Set.of(config.audience().toString()),
                new JWTClaimsSet.Builder().issuer(config.issuer()).build(),
                Set.of("exp", config.principalClaim()),
                null));
    }

    /** Whether {@code token} looks like a JWT at all (three dot-separated parts); others are not ours to judge. */
    static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    Verdict verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            return new Verdict(null, "not a signed JWT", false);
        } catch (BadJOSEException e) {
            // e.g. "Signed JWT rejected: Invalid signature", "Expired JWT", "JWT audience rejected"
            return new Verdict(null, e.getMessage(), false);
        } catch (JOSEException e) {
            // a MessageFormat pattern: an apostrophe would quote the rest and swallow {0} and {1}
            LOG.log(
                    Level.WARNING,
                    "cannot check an OAuth token: the keys of the issuer at {0} are unavailable: {1}",
                    new Object[] {config.jwksUrl(), e.getMessage()});
            return new Verdict(null, "the issuer's signing keys could not be fetched", false);
        }
        Object principal = claims.getClaim(config.principalClaim());
        if (!(principal instanceof String id) || id.isBlank()) {
            return new Verdict(null, "claim '" + config.principalClaim() + "' must be a non-empty string", false);
        }
        if (config.requiredScope() != null && !scopes(claims).contains(config.requiredScope())) {
            return new Verdict(null, "the token does not grant scope '" + config.requiredScope() + "'", true);
        }
        return new Verdict(id, null, false);
    }

    /** The scopes a token grants: {@code scope} (space-separated, RFC 8693/9068) or {@code scp} (a list or a string). */
    static List<String> scopes(JWTClaimsSet claims) {
        List<String> out = new ArrayList<>();
        Object scope = claims.getClaim("scope");
        if (scope instanceof String s) {
            out.addAll(Arrays.asList(s.trim().split("\\s+")));
        }
        Object scp = claims.getClaim("scp");
        if (scp instanceof String s) {
            out.addAll(Arrays.asList(s.trim().split("\\s+")));
        } else if (scp instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    String requiredScope() {
        return config.requiredScope();
    }

    /**
     * Where this resource's metadata is: RFC 9728 section 3.1 inserts {@code /.well-known/oauth-protected-resource}
     * between the host and the path of the resource identifier ({@code https://h/mcp} →
     * {@code https://h/.well-known/oauth-protected-resource/mcp}).
     */
    public String metadataUrl() {
        URI a = config.audience();
        String path = a.getRawPath() == null || a.getRawPath().equals("/") ? "" : a.getRawPath();
        String port = a.getPort() < 0 ? "" : ":" + a.getPort();
        return a.getScheme() + "://" + a.getHost() + port + METADATA_PATH + path;
    }

    /** The RFC 9728 metadata document. */
    public Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resource", config.audience().toString());
        m.put("authorization_servers", List.of(config.issuer()));
        if (config.requiredScope() != null) {
            m.put("scopes_supported", List.of(config.requiredScope()));
        }
        m.put("bearer_methods_supported", List.of("header"));
        m.put("resource_name", "Meshpilot MCP");
        return m;
    }
}
