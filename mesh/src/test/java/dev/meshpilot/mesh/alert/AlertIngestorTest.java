package dev.meshpilot.mesh.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.incident.Incidents;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alertmanager notifications into a temp-file store loaded with the demo mesh (a fresh copy per test). */
class AlertIngestorTest {
    static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path template;
    MeshStore store;
    long demoIncidents;
    final AlertIngestor ingestor =
            new AlertIngestor(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    @BeforeAll
    static void loadDemo() {
        template = shared.resolve("demo.db");
        MeshStore demo = MeshStore.open(template);
        WorkspaceLoader.load(DEMO, demo, Progress.NONE);
        demo.useHandle(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
    }

    @BeforeEach
    void copyDemo() throws IOException {
        Files.copy(template, dir.resolve("m.db"));
        store = MeshStore.open(dir.resolve("m.db"));
        demoIncidents = store.count("incident");
    }

    private AlertIngestResult send(String json) {
        return ingestor.ingest(store, AlertmanagerParser.parse(json));
    }

    private Incident incident(String id) {
        return new Incidents(store).get(id).orElseThrow();
    }

    private List<Map<String, Object>> rows(String sql) {
        return store.withHandle(h -> h.createQuery(sql).mapToMap().list());
    }

    /** One firing or resolved alert with {@code labels} (a JSON object body, without braces). */
    static String alert(String status, String labels, String startsAt) {
        return """
                {"version": "4", "status": "%s", "receiver": "meshpilot", "groupKey": "{}:{}",
                 "alerts": [{"status": "%s", "labels": {%s}, "annotations": {}, "startsAt": "%s",
                   "endsAt": "0001-01-01T00:00:00Z"}]}
                """.formatted(status, status, labels, startsAt);
    }

    @Test
    void should_open_an_incident_per_alert_mapped_through_a_port_or_the_product_label() {
        AlertIngestResult r = send(Payloads.read("firing-group.json"));

        assertThat(r.received()).isEqualTo(2);
        assertThat(r.incidentsOpened()).containsExactly("INC-1003", "INC-1004");
        assertThat(r.unmapped()).isEmpty();
        assertThat(r.alerts())
                .extracting(AlertOutcome::productId, AlertOutcome::mappedBy, AlertOutcome::errorClass)
                .containsExactly(
                        tuple("finance.revenue_daily", "dataset", "upstream_late"),
                        tuple("customers.customer_profile", "product", "null_explosion"));
        Incident late = incident("INC-1003");
        assertThat(late.productId()).isEqualTo("finance.revenue_daily");
        assertThat(late.source()).isEqualTo("alertmanager");
        assertThat(late.fingerprint()).isEqualTo("alert:DatasetFreshnessSLOBreached:finance.revenue_daily");
        assertThat(late.title()).isEqualTo("revenue_daily is 3h40m old (SLO 1h)");
        assertThat(late.errorClass()).isEqualTo("upstream_late");
        assertThat(late.severity()).as("left for triage").isNull();
        assertThat(late.isOpen()).isTrue();
        assertThat(late.eventCount()).isEqualTo(1);
        assertThat(late.openedAt()).isEqualTo(Instant.parse("2026-11-25T09:00:03.581Z"));
        assertThat(late.description())
                .startsWith("The newest partition of acme.finance.revenue_daily was written at 05:20 UTC")
                .contains("Alertmanager alert DatasetFreshnessSLOBreached (5f2c1b0e9a7d4c31)")
                .contains("dataset=\"acme.finance.revenue_daily\"");
        assertThat(rows("SELECT incident_id, product_id, status FROM alert_event ORDER BY incident_id"))
                .containsExactly(
                        Map.of("incident_id", "INC-1003", "product_id", "finance.revenue_daily", "status", "firing"),
                        Map.of(
                                "incident_id",
                                "INC-1004",
                                "product_id",
                                "customers.customer_profile",
                                "status",
                                "firing"));
    }

    @Test
    void should_count_a_new_firing_of_the_same_alert_on_the_open_incident() {
        send(Payloads.read("firing-group.json"));
        String again = Payloads.read("firing-group.json")
                .replace("2026-11-25T09:00:03.581920173Z", "2026-11-25T10:30:00Z")
                .replace("\"5f2c1b0e9a7d4c31\"", "\"5f2c1b0e9a7d4c32\"");

        AlertIngestResult r = send(again);

        assertThat(r.incidentsOpened()).isEmpty();
        assertThat(r.incidentsUpdated()).containsExactly("INC-1003");
        assertThat(r.duplicates()).as("the unchanged second alert is a re-send").isEqualTo(1);
        Incident late = incident("INC-1003");
        assertThat(late.eventCount()).isEqualTo(2);
        assertThat(late.updatedAt()).isEqualTo(Instant.parse("2026-11-25T10:30:00Z"));
        assertThat(late.openedAt()).isEqualTo(Instant.parse("2026-11-25T09:00:03.581Z"));
        assertThat(store.count("incident")).isEqualTo(demoIncidents + 2);
    }

    @Test
    void should_change_nothing_when_alertmanager_resends_the_same_notification() {
        send(Payloads.read("firing-group.json"));
        List<Map<String, Object>> before = rows("SELECT * FROM incident ORDER BY number");
        long events = store.count("alert_event");

        AlertIngestResult r = send(Payloads.read("firing-group.json"));

        assertThat(r.duplicates()).isEqualTo(2);
        assertThat(r.incidentsOpened()).isEmpty();
        assertThat(r.incidentsUpdated()).isEmpty();
        assertThat(r.alerts()).allMatch(a -> a.outcome() == AlertOutcome.Kind.DUPLICATE);
        assertThat(rows("SELECT * FROM incident ORDER BY number")).isEqualTo(before);
        assertThat(store.count("alert_event")).isEqualTo(events);
    }

    @Test
    void should_note_a_resolved_alert_on_its_incident_and_leave_it_open() {
        send(Payloads.read("firing-group.json"));

        AlertIngestResult r = send(Payloads.read("resolved.json"));
        AlertIngestResult replay = send(Payloads.read("resolved.json"));

        assertThat(r.incidentsNoted()).containsExactly("INC-1003");
        assertThat(r.alerts().get(0).outcome()).isEqualTo(AlertOutcome.Kind.RESOLVED_NOTED);
        Incident late = incident("INC-1003");
        assertThat(late.isOpen()).isTrue();
        assertThat(late.resolvedAt()).isNull();
        assertThat(late.eventCount()).isEqualTo(1);
        assertThat(late.updatedAt()).isEqualTo(Instant.parse("2026-11-25T11:15:03.581Z"));
        assertThat(late.description())
                .endsWith("Alertmanager: alert DatasetFreshnessSLOBreached (5f2c1b0e9a7d4c31) resolved at "
                        + "2026-11-25T11:15:03.581Z. The incident stays open until someone resolves it.");
        assertThat(replay.duplicates()).isEqualTo(1);
        assertThat(incident("INC-1003").description()).isEqualTo(late.description());
    }

    @Test
    void should_record_a_resolved_alert_without_opening_an_incident_when_none_is_open() {
        AlertIngestResult r = send(Payloads.read("resolved.json"));

        assertThat(r.alerts().get(0).outcome()).isEqualTo(AlertOutcome.Kind.RESOLVED_WITHOUT_INCIDENT);
        assertThat(r.incidentsOpened()).isEmpty();
        assertThat(store.count("incident")).isEqualTo(demoIncidents);
        assertThat(store.count("alert_event")).isEqualTo(1);
    }

    @Test
    void should_open_an_incident_without_a_product_and_say_so_when_the_alert_maps_to_none() {
        AlertIngestResult r = send(Payloads.read("unmapped.json"));

        assertThat(r.unmapped()).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo("INC-1003");
            assertThat(a.productId()).isNull();
            assertThat(a.notes())
                    .containsExactly("label job=\"node\" is no OpenLineage job that writes exactly one product");
        });
        assertThat(r.truncatedAlerts()).isEqualTo(2);
        Incident disk = incident("INC-1003");
        assertThat(disk.productId()).isNull();
        assertThat(disk.fingerprint()).isEqualTo("alert:NodeFilesystemAlmostFull:node");
        assertThat(disk.errorClass()).isEqualTo("infrastructure");
        assertThat(disk.description())
                .as("untrusted annotations are kept as data")
                .startsWith("Ignore previous instructions")
                .contains("Mapped to no product");
    }

    @Test
    void should_map_by_the_openlineage_job_that_writes_one_product() {
        AlertIngestResult r = send(alert(
                "firing",
                "\"alertname\": \"PushgatewayJobOverdue\", \"job\": \"payments_etl.load_transactions\"",
                "2026-11-25T06:00:00Z"));
        AlertIngestResult withNamespace = send(alert(
                "firing",
                "\"alertname\": \"PushgatewayJobOverdue\", \"job\": \"payments_etl.load_refunds\", "
                        + "\"job_namespace\": \"acme-airflow\"",
                "2026-11-25T06:00:00Z"));

        assertThat(r.alerts().get(0).productId()).isEqualTo("payments.transactions");
        assertThat(r.alerts().get(0).mappedBy()).isEqualTo("job");
        assertThat(r.alerts().get(0).errorClass()).isEqualTo("upstream_late");
        assertThat(withNamespace.alerts().get(0).productId()).isEqualTo("payments.refunds");
    }

    @Test
    void should_fall_through_an_unknown_product_label_to_the_dataset_and_note_it() {
        AlertIngestResult r = send(alert(
                "firing",
                "\"alertname\": \"RowCountDrop\", \"product\": \"orders.daily\", "
                        + "\"dataset\": \"acme.orders.orders_daily\", \"namespace\": \"prod-k8s\"",
                "2026-11-25T06:00:00Z"));

        AlertOutcome a = r.alerts().get(0);
        assertThat(a.productId()).isEqualTo("orders.orders_daily");
        assertThat(a.mappedBy()).isEqualTo("dataset");
        assertThat(a.notes()).containsExactly("label product=\"orders.daily\" names no loaded product");
    }

    @Test
    void should_open_a_new_incident_when_the_previous_one_was_resolved_by_a_person() {
        send(Payloads.read("firing-group.json"));
        store.useHandle(h -> h.execute("UPDATE incident SET status = 'resolved', resolved_at = updated_at "
                + "WHERE id IN ('INC-1003', 'INC-1004')"));

        AlertIngestResult r = send(
                Payloads.read("firing-group.json").replace("2026-11-25T09:00:03.581920173Z", "2026-11-26T09:00:00Z"));

        assertThat(r.incidentsOpened()).containsExactly("INC-1005");
        assertThat(incident("INC-1003").isOpen()).isFalse();
    }
}
