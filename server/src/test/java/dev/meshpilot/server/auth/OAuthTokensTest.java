package dev.meshpilot.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.meshpilot.server.config.McpConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class OAuthTokensTest {
    @Test
    void should_name_the_key_set_url_and_the_cause_in_the_warning_when_the_issuers_keys_are_unavailable()
            throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        URI jwks = URI.create("http://127.0.0.1:" + closed + "/jwks.json");
        OAuthTokens tokens = new OAuthTokens(new McpConfig.OAuth(
                "https://auth.example.test", jwks, URI.create("https://mesh.test/mcp"), null, null));
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                new JWTClaimsSet.Builder()
                        .issuer("https://auth.example.test")
                        .audience("https://mesh.test/mcp")
                        .subject("alice")
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .build());
        jwt.sign(new RSASSASigner(key));
        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(new SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(OAuthTokens.class.getName());
        log.addHandler(capture);
        try {
            OAuthTokens.Verdict v = tokens.verify(jwt.serialize());

            assertThat(v.principal()).isNull();
            assertThat(v.error()).isEqualTo("the issuer's signing keys could not be fetched");
        } finally {
            log.removeHandler(capture);
        }
        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .contains(jwks.toString())
                        .doesNotContain("{0}")
                        .doesNotContain("{1}")
                        .doesNotEndWith("unavailable: "));
    }
}
