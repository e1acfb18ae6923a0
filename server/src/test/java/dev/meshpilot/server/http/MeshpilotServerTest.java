package dev.meshpilot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.WorkspaceGenerator;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.view.ProductViews;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.server.config.ServerConfig;
import dev.meshpilot.tools.support.Results;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real Helidon server on a free loopback port, over a real store, driven by a real HTTP client. */
class MeshpilotServerTest {
    @TempDir
    static Path tmp;

    static MeshStore store;
    static AuditLog audit;
    static MeshpilotServer server;
    static HttpClient http = HttpClient.newHttpClient();
    static final String TOKEN = "Bearer token-svc-ingest";
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        Path ws = tmp.resolve("ws");
        new WorkspaceGenerator().generate(GeneratorSpec.of(12, 1, 3), ws, Progress.NONE);
        store = MeshStore.open(tmp.resolve("home/meshpilot.db"));
        WorkspaceLoader.load(ws, store, Progress.NONE);
        audit = AuditLog.open(tmp.resolve("home/audit.db"));
        // the generated mesh's ingest service holds catalog:read, lineage:write and alerts:write
        server = RestServers.start(store, audit, "svc-ingest");
    }

    @AfterAll
    static void stop() {
        server.close();
        audit.close();
    }

    static final Path STANDARDS =
            Path.of(System.getProperty("meshpilot.standards", "../../shared/standards"), "openlineage");

    /**
     * The shared standards' events; without the folder, one null, which the test skips with one line (an
     * assumption failing in the source itself would drop the test without a word).
     */
    static Stream<Path> validEvents() throws IOException {
        if (!Files.isDirectory(STANDARDS)) {
            return Stream.of((Path) null);
        }
        try (Stream<Path> files = Files.list(STANDARDS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static Stream<Path> invalidEvents() throws IOException {
        if (!Files.isDirectory(STANDARDS)) {
            return Stream.of((Path) null);
        }
        try (Stream<Path> files = Files.list(STANDARDS.resolve("invalid"))) {
            return files.sorted().toList().stream();
        }
    }

    static void assumeStandards(Path file) {
        Assumptions.assumeTrue(file != null, "shared standards folder not found at " + STANDARDS + ": skipping");
    }

    /** The dbt fixtures carry template placeholders; fill them as a real producer would. */
    static String fill(String json) {
        return json.replaceAll(
                        "(\"runId\"\\s*:\\s*)\"\\{\\{\\s*any\\(result\\)\\s*}}\"",
                        "$1\"0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b\"")
                .replaceAll("\\{\\{\\s*any\\(result\\)\\s*}}", "1.0.0");
    }

    static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", contentType)
                        .header("Authorization", TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", TOKEN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @ParameterizedTest
    @MethodSource("validEvents")
    void should_answer_201_and_commit_when_event_is_a_real_producers(Path file) throws Exception {
        assumeStandards(file);
        String body = fill(Files.readString(file));

        HttpResponse<String> first = post("/api/v1/lineage", "application/json", body);
        HttpResponse<String> replay = post("/api/v1/lineage", "application/json", body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).contains("\"accepted\":0").contains("\"duplicates\":1");
    }

    @ParameterizedTest
    @MethodSource("invalidEvents")
    void should_answer_400_naming_the_field_when_event_is_invalid(Path file) throws Exception {
        assumeStandards(file);
        HttpResponse<String> res = post("/api/v1/lineage", "application/json", Files.readString(file));

        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String expectedField = switch (file.getFileName().toString().substring(0, 2)) {
            case "13" -> "run.runId";
            case "14" -> "parent";
            default -> "rowCount";
        };
        assertThat(res.body()).contains("\"code\":\"event_invalid\"").contains(expectedField);
    }

    @Test
    void should_answer_415_when_body_is_not_json() throws Exception {
        assertThat(post("/api/v1/lineage", "text/plain", "{}").statusCode()).isEqualTo(415);
    }

    @Test
    void should_answer_413_when_body_is_over_the_limit() throws Exception {
        String big = "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
        // With "Expect: 100-continue" the server refuses on the headers, before any of the body is sent; without
        // it, the server's 413-and-close can race the client still writing the body (a reset, not a response).
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(uri("/api/v1/lineage"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TOKEN)
                        .expectContinue(true)
                        .POST(HttpRequest.BodyPublishers.ofString(big))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void should_list_products_and_answer_404_with_a_problem_for_an_unknown_one() throws Exception {
        HttpResponse<String> list = get("/api/v1/products");
        String firstId = store.withHandle(h ->
                h.createQuery("SELECT min(id) FROM product").mapTo(String.class).one());
        HttpResponse<String> one = get("/api/v1/products/" + firstId);
        HttpResponse<String> missing = get("/api/v1/products/nowhere.nothing");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":\"" + firstId + "\"");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(one.body()))
                .as("the product view the tool and the MCP resource return")
                .isEqualTo(Results.JSON.valueToTree(
                        new ProductViews(store).get(firstId).orElseThrow()));
        assertThat(JSON.readTree(list.body())
                        .path("products")
                        .get(0)
                        .path("domain")
                        .path("id")
                        .isTextual())
                .isTrue();
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"code\":\"not_found\"").contains("nowhere.nothing");
    }

    @Test
    void should_report_health_and_prometheus_metrics() throws Exception {
        post("/api/v1/lineage", "application/json", "not json");
        HttpResponse<String> health = get("/health");
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(uri("/metrics"))
                        .header("Accept", "text/plain")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP").contains("store");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("meshpilot_lineage_requests_rejected");
    }

    @Test
    void should_bind_loopback_by_default() {
        assertThat(ServerConfig.DEFAULT.host()).isEqualTo("127.0.0.1");
        assertThat(List.of(server.port())).allMatch(p -> p > 0);
    }
}
