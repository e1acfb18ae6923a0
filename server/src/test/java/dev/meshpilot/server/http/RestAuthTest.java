package dev.meshpilot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.audit.AuditRecord;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.principal.ScopeGrant;
import dev.meshpilot.server.auth.Refusals;
import dev.meshpilot.server.config.RestConfig;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.tools.access.Principals;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The REST API behind the same bearer tokens as MCP, on two real servers over the demo mesh: one that needs a
 * token, one whose tokenless calls act for a principal holding {@code catalog:read} on the finance domain only.
 * Besides the workspace's principals, {@code nobody} holds no grants at all.
 */
class RestAuthTest {
    static final Path ROOT = Path.of(System.getProperty("meshpilot.root", "../"));
    static final String LINEAGE = "/api/v1/lineage";
    static final String ALERTS = "/api/v1/alerts/alertmanager";
    static final String PRODUCTS = "/api/v1/products";
    static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;

    static MeshStore store;
    static AuditLog audit;
    static MeshpilotServer secured;
    static MeshpilotServer open;

    @BeforeAll
    static void start() {
        store = MeshStore.open(tmp.resolve("home/meshpilot.db"));
        WorkspaceLoader.load(ROOT.resolve("examples/acme-retail"), store, Progress.NONE);
        audit = AuditLog.open(tmp.resolve("home/audit.db"));
        Principals workspace = new Principals(new Directory(store));
        Function<String, Principal> principals = id -> switch (id) {
            case "nobody" -> Principal.withGrants(id, Principal.Kind.SERVICE, List.of());
            case "finance-reader" ->
                Principal.withGrants(
                        id,
                        Principal.Kind.SERVICE,
                        List.of(new ScopeGrant(Scope.CATALOG_READ, List.of("finance"), List.of())));
            default -> workspace.resolve(id);
        };
        ServerConfig tokens = new ServerConfig(
                "127.0.0.1", 0, 64 * 1024, RestServers.mcp("alice", "meshpilot-ingest", "nobody", "finance-reader"));
        secured = MeshpilotServer.start(tokens, store, RestServers.auth(tokens, principals, audit));
        ServerConfig anonymous = tokens.withRest(new RestConfig("finance-reader"));
        open = MeshpilotServer.start(anonymous, store, RestServers.auth(anonymous, principals, audit));
    }

    @AfterAll
    static void stop() {
        secured.close();
        open.close();
        audit.close();
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /api/v1/products",
        "GET, /api/v1/products/finance.revenue_daily",
        "POST, /api/v1/lineage",
        "POST, /api/v1/alerts/alertmanager"
    })
    void should_answer_401_with_a_bearer_challenge_when_the_token_is_missing_or_wrong(String method, String path)
            throws Exception {
        HttpResponse<String> none = send(secured, method, path, null);
        HttpResponse<String> wrong = send(secured, method, path, "Bearer not-a-token");
        HttpResponse<String> scheme = send(secured, method, path, "Basic YWxpY2U6c2VjcmV0");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"meshpilot\"");
        assertThat(none.body()).contains("\"code\":\"unauthenticated\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
        assertThat(scheme.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /api/v1/products, nobody, catalog:read",
        "GET, /api/v1/products/finance.revenue_daily, nobody, catalog:read",
        "GET, /api/v1/products/orders.orders_daily, finance-reader, catalog:read",
        "POST, /api/v1/lineage, alice, lineage:write",
        "POST, /api/v1/alerts/alertmanager, alice, alerts:write",
        "POST, /api/v1/lineage, finance-reader, lineage:write"
    })
    void should_answer_403_naming_the_scope_when_the_principal_lacks_it(
            String method, String path, String principal, String scope) throws Exception {
        HttpResponse<String> r = send(secured, method, path, "Bearer token-" + principal);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.body()).contains("\"code\":\"sandbox_denied\"").contains(principal + " lacks " + scope);
    }

    @Test
    void should_serve_each_endpoint_to_a_principal_holding_its_scope() throws Exception {
        HttpResponse<String> products = send(secured, "GET", PRODUCTS, "Bearer token-alice");
        HttpResponse<String> one = send(secured, "GET", PRODUCTS + "/finance.revenue_daily", "Bearer token-alice");
        // valid JSON that is no event: refused by the endpoint itself (400), so authentication passed
        HttpResponse<String> lineage = send(secured, "POST", LINEAGE, "Bearer token-meshpilot-ingest");
        HttpResponse<String> alerts = send(secured, "POST", ALERTS, "Bearer token-meshpilot-ingest");

        assertThat(products.statusCode()).isEqualTo(200);
        assertThat(products.body())
                .contains("\"id\":\"finance.revenue_daily\"")
                .contains("\"id\":\"orders.orders_daily\"");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(lineage.statusCode()).as(lineage.body()).isEqualTo(400);
        assertThat(lineage.body()).contains("event_invalid");
        assertThat(alerts.statusCode()).as(alerts.body()).isEqualTo(400);
        assertThat(alerts.body()).contains("event_invalid");
    }

    @Test
    void should_list_only_the_products_a_domain_limited_grant_covers() throws Exception {
        HttpResponse<String> r = send(secured, "GET", PRODUCTS, "Bearer token-finance-reader");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"id\":\"finance.revenue_daily\"").doesNotContain("\"id\":\"orders.");
    }

    @Test
    void should_act_for_the_anonymous_principal_without_a_token_and_apply_its_scopes() throws Exception {
        HttpResponse<String> list = send(open, "GET", PRODUCTS, null);
        HttpResponse<String> other = send(open, "GET", PRODUCTS + "/orders.orders_daily", null);
        HttpResponse<String> lineage = send(open, "POST", LINEAGE, null);
        HttpResponse<String> withToken = send(open, "GET", PRODUCTS + "/orders.orders_daily", "Bearer token-alice");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":\"finance.revenue_daily\"").doesNotContain("\"id\":\"orders.");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(lineage.statusCode()).isEqualTo(403);
        assertThat(lineage.body()).contains("finance-reader lacks lineage:write");
        assertThat(withToken.statusCode()).isEqualTo(200);
    }

    @Test
    void should_refuse_anonymous_access_to_a_foreign_host_or_origin_as_dns_rebinding_would_send() throws Exception {
        HttpResponse<String> origin = http.send(
                HttpRequest.newBuilder(uri(open, PRODUCTS))
                        .header("Origin", "http://evil.example.com")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(origin.statusCode()).isEqualTo(401);
        assertThat(rawGet(open, "evil.example.com:" + open.port())).startsWith("HTTP/1.1 401");
        assertThat(rawGet(open, "localhost:" + open.port())).startsWith("HTTP/1.1 200");
    }

    @Test
    void should_record_every_refusal_in_the_audit_log() throws Exception {
        send(secured, "GET", PRODUCTS + "/finance.revenue_daily?probe=audit-401", null);
        send(secured, "POST", ALERTS, "Bearer token-alice");

        List<AuditRecord> unauthenticated = audit.tail(Refusals.UNAUTHENTICATED, null, 100);
        List<AuditRecord> alice = audit.tail("alice", null, 100);

        assertThat(unauthenticated)
                .anySatisfy(r -> {
                    assertThat(r.entry().agent()).isEqualTo(RestAuth.FRONT_END);
                    assertThat(r.entry().tool()).isEqualTo("GET /api/v1/products/finance.revenue_daily");
                    assertThat(r.entry().decision()).isEqualTo("denied");
                    assertThat(r.entry().reason()).startsWith("401 ");
                })
                .noneSatisfy(r -> assertThat(r.entry().reason()).contains("not-a-token"));
        assertThat(alice).anySatisfy(r -> {
            assertThat(r.entry().tool()).isEqualTo("POST " + ALERTS);
            assertThat(r.entry().reason()).startsWith("403 alice lacks alerts:write");
        });
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void should_keep_health_and_metrics_open() throws Exception {
        assertThat(send(secured, "GET", "/health", null).statusCode()).isEqualTo(200);
        assertThat(send(secured, "GET", "/metrics", null).statusCode()).isEqualTo(200);
    }

    @Test
    void should_refuse_a_token_in_the_url() throws Exception {
        assertThat(send(secured, "GET", PRODUCTS + "?access_token=token-alice", null)
                        .statusCode())
                .isEqualTo(400);
    }

    static HttpResponse<String> send(MeshpilotServer server, String method, String path, String authorization)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(server, path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        method.equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(MeshpilotServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** A GET with a Host header the JDK client would not send. */
    static String rawGet(MeshpilotServer server, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + PRODUCTS + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        }
    }
}
