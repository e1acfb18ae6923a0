package dev.meshpilot.server.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.auth.BearerAuth;
import dev.meshpilot.server.config.McpConfig;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.server.http.MeshpilotServer;
import dev.meshpilot.server.http.RestAuth;
import dev.meshpilot.server.wiring.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MCP over HTTP as an OAuth 2.1 resource server: JWT access tokens checked against the issuer's JWKS (served
 * by WireMock on loopback, standing in for the authorization server), audience, issuer, expiry and scope; the
 * RFC 9728 metadata; static tokens keep working beside them.
 */
class McpOAuthTest {
    static final String ISSUER = "https://auth.example.test";
    static final String AUDIENCE = "https://mesh.example.test/mcp";
    static final String METADATA = "https://mesh.example.test/.well-known/oauth-protected-resource/mcp";
    static final String INIT = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",
             "capabilities":{},"clientInfo":{"name":"oauth-test","version":"1"}}}""";
    static final HttpClient http = HttpClient.newHttpClient();
    static WireMockServer issuer;
    static RSAKey key;
    static RSAKey stranger;
    static MeshpilotServer server;

    @BeforeAll
    static void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("k2").generate();
        issuer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        issuer.start();
        issuer.stubFor(get("/jwks.json")
                .willReturn(okJson(new JWKSet(key).toPublicJWKSet().toString())));
        McpConfig.OAuth oauth = new McpConfig.OAuth(
                ISSUER,
                URI.create("http://127.0.0.1:" + issuer.port() + "/jwks.json"),
                URI.create(AUDIENCE),
                null,
                "meshpilot");
        McpConfig mcp = new McpConfig(List.of(McpHttpTest.grant("alice")), null, null, List.of(), List.of(), oauth);
        ServerConfig config = new ServerConfig("127.0.0.1", 0, 1 << 20, mcp);
        MeshStore store = MeshStore.open(DemoHome.get().resolve("meshpilot.db"));
        Sandbox sandbox = Sandbox.open(DemoHome.get(), store);
        BearerAuth bearer = new BearerAuth(config.mcp(), sandbox.principals()::resolve);
        server = MeshpilotServer.start(
                config,
                store,
                new RestAuth(config, bearer, sandbox.audit()),
                sandbox::committed,
                sandbox::incidentsTouched,
                McpHttp.open(config, sandbox, store, bearer));
    }

    @AfterAll
    static void stop() {
        server.close();
        issuer.stop();
    }

    @Test
    void should_accept_a_valid_token_and_act_for_the_principal_it_names() throws Exception {
        HttpResponse<String> init = post(token(key, claims("alice")));
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();

        HttpResponse<String> call = post("""
                {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_data_product",
                 "arguments":{"id":"finance.revenue_daily"}}}""", "Bearer " + token(key, claims("alice")), session);

        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.body()).contains("\"isError\":false").contains("revenue");
        // a session belongs to its principal: priya's token cannot use alice's session
        assertThat(post(
                                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}",
                                "Bearer " + token(key, claims("priya")),
                                session)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void should_refuse_with_401_and_point_at_the_metadata_for_every_invalid_token() throws Exception {
        JWTClaimsSet wrongAudience = new JWTClaimsSet.Builder(claims("alice"))
                .audience("https://elsewhere.example.test/mcp")
                .build();
        JWTClaimsSet wrongIssuer = new JWTClaimsSet.Builder(claims("alice"))
                .issuer("https://evil.example.test")
                .build();
        JWTClaimsSet expired = new JWTClaimsSet.Builder(claims("alice"))
                .expirationTime(Date.from(Instant.now().minusSeconds(600)))
                .build();

        for (String token : List.of(
                token(key, wrongAudience),
                token(key, wrongIssuer),
                token(key, expired),
                token(stranger, claims("alice")),
                token(key, claims("mallory")),
                "not.a-valid.jwt")) {
            HttpResponse<String> r = post(token);
            assertThat(r.statusCode()).as(token).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v)
                            .startsWith("Bearer ")
                            .contains("error=\"invalid_token\"")
                            .contains("resource_metadata=\"" + METADATA + "\""));
        }
        HttpResponse<String> none = send(request().POST(HttpRequest.BodyPublishers.ofString(INIT)));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"meshpilot\", resource_metadata=\"" + METADATA + "\"");
    }

    @Test
    void should_answer_403_insufficient_scope_for_a_token_without_the_required_scope() throws Exception {
        JWTClaimsSet noScope = new JWTClaimsSet.Builder(claims("alice"))
                .claim("scope", "openid profile")
                .build();

        HttpResponse<String> r = post(token(key, noScope));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_scope\", scope=\"meshpilot\", resource_metadata=\"" + METADATA
                        + "\"");
        JWTClaimsSet scp = new JWTClaimsSet.Builder(claims("alice"))
                .claim("scope", null)
                .claim("scp", List.of("meshpilot"))
                .build();
        assertThat(post(token(key, scp)).statusCode()).isEqualTo(200);
    }

    @Test
    void should_publish_rfc_9728_metadata_and_keep_static_tokens_working() throws Exception {
        for (String path :
                List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .GET());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body())
                    .contains("\"resource\":\"" + AUDIENCE + "\"")
                    .contains("\"authorization_servers\":[\"" + ISSUER + "\"]")
                    .contains("\"scopes_supported\":[\"meshpilot\"]")
                    .contains("\"bearer_methods_supported\":[\"header\"]");
        }
        assertThat(post("token-alice").statusCode()).isEqualTo(200);
    }

    @Test
    void should_accept_the_same_access_tokens_on_the_rest_api_and_apply_the_principals_scopes() throws Exception {
        HttpResponse<String> products = rest("GET", "/api/v1/products", "Bearer " + token(key, claims("alice")));
        HttpResponse<String> lineage = rest("POST", "/api/v1/lineage", "Bearer " + token(key, claims("alice")));
        HttpResponse<String> none = rest("GET", "/api/v1/products", null);
        HttpResponse<String> expired = rest(
                "GET",
                "/api/v1/products",
                "Bearer "
                        + token(
                                key,
                                new JWTClaimsSet.Builder(claims("alice"))
                                        .expirationTime(Date.from(Instant.now().minusSeconds(600)))
                                        .build()));
        HttpResponse<String> noScope = rest(
                "GET",
                "/api/v1/products",
                "Bearer "
                        + token(
                                key,
                                new JWTClaimsSet.Builder(claims("alice"))
                                        .claim("scope", "openid")
                                        .build()));

        assertThat(products.statusCode()).as(products.body()).isEqualTo(200);
        assertThat(products.body()).contains("finance.revenue_daily");
        assertThat(lineage.statusCode()).isEqualTo(403);
        assertThat(lineage.body()).contains("alice lacks lineage:write");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"meshpilot\", resource_metadata=\"" + METADATA + "\"");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
        assertThat(noScope.statusCode()).isEqualTo(403);
        assertThat(noScope.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("error=\"insufficient_scope\""));
    }

    static HttpResponse<String> rest(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        method.equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    static JWTClaimsSet claims(String subject) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("scope", "openid meshpilot")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
    }

    static String token(RSAKey signer, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signer.getKeyID())
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    static HttpResponse<String> post(String token) throws Exception {
        return post(INIT, "Bearer " + token, null);
    }

    static HttpResponse<String> post(String body, String authorization, String session) throws Exception {
        HttpRequest.Builder b = request().header("Authorization", authorization);
        if (session != null) {
            b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
