package dev.meshpilot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.incident.Incidents;
import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.sandbox.audit.AuditLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/v1/alerts/alertmanager} on the real server over a store loaded with the demo mesh. */
class AlertsServiceTest {
    static final Path ROOT = Path.of(System.getProperty("meshpilot.root", "../"));
    static final Path PAYLOADS = ROOT.resolve("mesh/src/test/resources/dev/meshpilot/mesh/alert");
    static final String PATH = "/api/v1/alerts/alertmanager";

    @TempDir
    static Path tmp;

    static MeshStore store;
    static AuditLog audit;
    static MeshpilotServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = MeshStore.open(tmp.resolve("home/meshpilot.db"));
        WorkspaceLoader.load(ROOT.resolve("examples/acme-retail"), store, Progress.NONE);
        audit = AuditLog.open(tmp.resolve("home/audit.db"));
        server = RestServers.start(store, audit, "meshpilot-ingest");
    }

    @AfterAll
    static void stop() {
        server.close();
        audit.close();
    }

    static HttpResponse<String> post(String contentType, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + PATH))
                        .header("Content-Type", contentType)
                        .header("Authorization", "Bearer token-meshpilot-ingest")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(String body) throws Exception {
        HttpResponse<String> res = post("application/json", body);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/json");
        return Json.MAPPER.readTree(res.body());
    }

    static String payload(String name) throws Exception {
        return Files.readString(PAYLOADS.resolve(name));
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Incident incident(String id) {
        return new Incidents(store).get(id).orElseThrow();
    }

    @Test
    void should_answer_415_when_the_body_is_not_json() throws Exception {
        HttpResponse<String> res = post("application/x-www-form-urlencoded", "status=firing");

        assertThat(res.statusCode()).isEqualTo(415);
        assertThat(res.body()).contains("\"code\":\"event_invalid\"");
    }

    @Test
    void should_answer_413_when_the_body_is_over_the_limit() throws Exception {
        String big = "{\"alerts\": [], \"pad\": \"" + "x".repeat(70 * 1024) + "\"}";

        // "Expect: 100-continue": refused on the headers, so the 413 cannot race the body still being written
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + PATH))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer token-meshpilot-ingest")
                        .expectContinue(true)
                        .POST(HttpRequest.BodyPublishers.ofString(big))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void should_answer_400_naming_every_bad_field() throws Exception {
        HttpResponse<String> res = post("application/json; charset=utf-8", payload("malformed.json"));

        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Json.MAPPER.readTree(res.body());
        assertThat(problem.get("code").asText()).isEqualTo("event_invalid");
        assertThat(texts(problem.get("errors")))
                .hasSize(11)
                .anySatisfy(e -> assertThat(e).startsWith("version: "))
                .anySatisfy(e -> assertThat(e).startsWith("alerts[0].labels.alertname: missing"))
                .anySatisfy(e -> assertThat(e).startsWith("alerts[0].startsAt: "))
                .anySatisfy(e -> assertThat(e).startsWith("alerts[1].labels.error_class: expected one of"))
                .anySatisfy(e -> assertThat(e).startsWith("alerts[2]: "));
    }

    @Test
    void should_open_update_ignore_replays_and_note_resolution_through_an_alert_lifecycle() throws Exception {
        JsonNode fired = ok(payload("firing-group.json"));

        assertThat(fired.get("incidentsOpened")).hasSize(2);
        JsonNode first = fired.get("alerts").get(0);
        assertThat(first.get("outcome").asText()).isEqualTo("opened");
        assertThat(first.get("productId").asText()).isEqualTo("finance.revenue_daily");
        assertThat(first.get("mappedBy").asText()).as("through the output port").isEqualTo("dataset");
        assertThat(first.get("status").asText()).isEqualTo("firing");
        String id = first.get("incidentId").asText();
        assertThat(incident(id).source()).isEqualTo("alertmanager");
        assertThat(incident(id).productId()).isEqualTo("finance.revenue_daily");
        long incidents = store.count("incident");

        JsonNode replay = ok(payload("firing-group.json"));

        assertThat(replay.get("duplicates").asInt()).isEqualTo(2);
        assertThat(replay.get("incidentsOpened")).isEmpty();
        assertThat(replay.get("incidentsUpdated")).isEmpty();
        assertThat(incident(id).eventCount()).isEqualTo(1);

        JsonNode repeat = ok(payload("firing-group.json")
                .replace("2026-11-25T09:00:03.581920173Z", "2026-11-25T10:30:00Z")
                .replace("\"5f2c1b0e9a7d4c31\"", "\"5f2c1b0e9a7d4c32\""));

        assertThat(texts(repeat.get("incidentsUpdated"))).containsExactly(id);
        assertThat(incident(id).eventCount()).isEqualTo(2);
        assertThat(store.count("incident")).isEqualTo(incidents);

        JsonNode resolved = ok(payload("resolved.json"));

        assertThat(texts(resolved.get("incidentsNoted"))).containsExactly(id);
        assertThat(resolved.get("alerts").get(0).get("outcome").asText()).isEqualTo("resolved_noted");
        assertThat(incident(id).isOpen())
                .as("people resolve incidents, not alerts")
                .isTrue();
        assertThat(incident(id).description()).contains("resolved at 2026-11-25T11:15:03.581Z");
    }

    @Test
    void should_open_an_incident_without_a_product_and_flag_the_alert_as_unmapped() throws Exception {
        JsonNode r = ok(payload("unmapped.json"));

        JsonNode unmapped = r.get("unmapped");
        assertThat(unmapped).hasSize(1);
        assertThat(unmapped.get(0).get("alertname").asText()).isEqualTo("NodeFilesystemAlmostFull");
        assertThat(unmapped.get(0).get("productId").isNull()).isTrue();
        assertThat(unmapped.get(0).get("notes").get(0).asText()).contains("job=\"node\"");
        assertThat(r.get("truncatedAlerts").asLong()).isEqualTo(2);
        Incident disk = incident(unmapped.get(0).get("incidentId").asText());
        assertThat(disk.productId()).isNull();
        assertThat(disk.isOpen()).isTrue();
        assertThat(disk.errorClass()).isEqualTo("infrastructure");
    }
}
