package dev.meshpilot.mesh.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.mesh.activity.MetricChanges;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.incident.Incidents;
import dev.meshpilot.mesh.ledger.RecordedFinding;
import dev.meshpilot.mesh.ledger.RecordedRun;
import dev.meshpilot.mesh.ledger.RunLedger;
import dev.meshpilot.mesh.openlineage.EventFeed;
import dev.meshpilot.mesh.openlineage.IngestResult;
import dev.meshpilot.mesh.openlineage.LineageIngestor;
import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Products;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's behaviour, run on each engine by a subclass ({@link SqliteStoreTest}, {@link PostgresStoreTest}):
 * the same assertions on both, so a behaviour difference between SQLite and PostgreSQL is a failing test.
 * Repositories, OpenLineage ingest and its replays, incidents, agent runs and findings, load stamps. Fire leases
 * are in {@link StoreLeaseSuite}.
 */
abstract class StoreSuite {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    MeshStore store;
    private final List<MeshStore> opened = new ArrayList<>();

    /** Where a fresh, empty store of this engine lives (called once per test). */
    abstract StoreLocation freshLocation(Path home);

    /** Removes what {@link #freshLocation} made, if anything outlives the temporary folder. */
    void cleanUp() {}

    @BeforeEach
    void open() {
        store = MeshStore.open(freshLocation(home));
        opened.add(store);
    }

    /** Another store on the same database, as another process would open it; closed after the test. */
    MeshStore another() {
        MeshStore other = MeshStore.open(store.location());
        opened.add(other);
        return other;
    }

    @AfterEach
    void close() {
        opened.forEach(MeshStore::close);
        cleanUp();
    }

    static void product(MeshStore store, String id, String namespace, String name) {
        String domain = id.substring(0, id.indexOf('.'));
        store.useHandle(h -> {
            h.execute("INSERT INTO team (id, name) VALUES ('team', 'Team') ON CONFLICT DO NOTHING");
            h.execute(
                    "INSERT INTO domain (id, name, owner, source_file) VALUES (?, ?, 'team', 'd.yaml') "
                            + "ON CONFLICT DO NOTHING",
                    domain,
                    domain);
            h.execute(
                    "INSERT INTO product (id, domain, name, criticality, tags_json, slos_json, source_file) "
                            + "VALUES (?, ?, ?, 'high', '[]', '[]', 'p.yaml')",
                    id,
                    domain,
                    id);
            h.execute("INSERT INTO product_port (namespace, name, product_id) VALUES (?, ?, ?)", namespace, name, id);
        });
    }

    List<Map<String, Object>> rows(String sql) {
        return store.withHandle(h -> h.createQuery(sql).mapToMap().list());
    }

    String text(String sql) {
        return store.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    @Test
    void should_apply_every_migration_once_when_the_store_is_opened_again() {
        MeshStore again = another();

        assertThat(again.count("schema_migration")).isEqualTo(Migrations.ALL.size());
        int version = again.withHandle(h -> h.createQuery("SELECT max(version) FROM schema_migration")
                .mapTo(int.class)
                .one());
        assertThat(version).isEqualTo(Migrations.ALL.size());
        assertThat(again.dialect()).isEqualTo(store.location().dialect());
    }

    @Test
    void should_see_a_load_made_through_another_store_when_the_stamp_is_read_again() {
        MeshStore other = another();
        assertThat(store.loadedAt()).isEmpty();

        other.useHandle(h -> h.execute("INSERT INTO mesh_info (id, name, source_dir, loaded_at) "
                + "VALUES (1, 'm', '/ws', '2026-12-01T00:00:00Z')"));
        assertThat(store.loadedAt()).isEqualTo("2026-12-01T00:00:00Z");

        other.useHandle(h -> h.execute("UPDATE mesh_info SET loaded_at = '2026-12-02T00:00:00Z'"));
        assertThat(store.loadedAt()).isEqualTo("2026-12-02T00:00:00Z");
    }

    @Test
    void should_order_text_byte_by_byte_when_listing_products() {
        for (String id : List.of("sales.b", "sales.B", "sales.a_x", "sales.a.x", "sales.a-x", "sales.A", "sales.ä")) {
            product(store, id, "ns", id);
        }
        List<String> ids =
                new Products(store).list().stream().map(DataProduct::id).toList();

        assertThat(ids)
                .containsExactly("sales.A", "sales.B", "sales.a-x", "sales.a.x", "sales.a_x", "sales.b", "sales.ä");
    }

    @Test
    void should_store_runs_lineage_facets_metrics_and_quality_when_events_are_ingested() throws Exception {
        product(store, "payments.transactions", "bigquery", "acme.payments.transactions");
        String run = UUID.randomUUID().toString();
        IngestResult result = new LineageIngestor()
                .ingest(
                        store,
                        List.of(
                                StoreSuiteEvents.start(run, "2026-11-25T09:00:00Z", "SELECT 1"),
                                StoreSuiteEvents.complete(run, "2026-11-25T09:10:00.5Z", 42)));

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(rows("SELECT state, started_at, ended_at, event_time FROM run"))
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .containsEntry("state", "COMPLETED")
                        .containsEntry("started_at", "2026-11-25T09:00:00.000Z")
                        .containsEntry("ended_at", "2026-11-25T09:10:00.500Z"));
        JsonNode jobFacets = JSON.readTree(text("SELECT facets_json FROM job"));
        assertThat(jobFacets.at("/sql/query").asText()).isEqualTo("SELECT 1");
        assertThat(jobFacets.at("/sql").has("dialect"))
                .as("a null in a facet is dropped")
                .isFalse();
        assertThat(rows("SELECT dataset_name, direction FROM lineage_edge ORDER BY dataset_name"))
                .extracting(r -> r.get("dataset_name") + " " + r.get("direction"))
                .containsExactly("acme.payments.transactions out", "raw.payments in");
        assertThat(rows("SELECT in_field, out_field FROM column_lineage")).hasSize(1);
        double rowCount = store.withHandle(h -> h.createQuery("SELECT value FROM metric_point WHERE metric = "
                        + "'row_count' AND dataset_name = 'acme.payments.transactions'")
                .mapTo(double.class)
                .one());
        assertThat(rowCount).isEqualTo(42.0);
        assertThat(rows("SELECT assertion, success FROM quality_result"))
                .singleElement()
                .satisfies(
                        r -> assertThat(((Number) r.get("success")).intValue()).isEqualTo(1));
        assertThat(JSON.readTree(text("SELECT schema_json FROM dataset WHERE name = 'acme.payments.transactions'")))
                .hasSize(2);
    }

    @Test
    void should_change_nothing_when_the_same_events_are_replayed() {
        product(store, "payments.transactions", "bigquery", "acme.payments.transactions");
        String run = UUID.randomUUID().toString();
        List<RunEvent> events = List.of(
                StoreSuiteEvents.start(run, "2026-11-25T09:00:00Z", "SELECT 1"),
                StoreSuiteEvents.complete(run, "2026-11-25T09:10:00Z", 42));
        LineageIngestor ingestor = new LineageIngestor();
        ingestor.ingest(store, events);
        List<String> tables = List.of(
                "run",
                "run_event",
                "job",
                "dataset",
                "lineage_edge",
                "column_lineage",
                "metric_point",
                "quality_result",
                "schema_observation",
                "incident");
        List<Long> before = tables.stream().map(store::count).toList();
        String facets = text("SELECT facets_json FROM dataset WHERE name = 'raw.payments'");

        IngestResult replay = ingestor.ingest(store, events);

        assertThat(replay.accepted()).isZero();
        assertThat(replay.duplicates()).isEqualTo(2);
        assertThat(tables.stream().map(store::count).toList()).isEqualTo(before);
        assertThat(text("SELECT facets_json FROM dataset WHERE name = 'raw.payments'"))
                .isEqualTo(facets);
    }

    @Test
    void should_merge_facets_of_a_late_older_event_without_overwriting_newer_ones() throws Exception {
        String newer = UUID.randomUUID().toString();
        String older = UUID.randomUUID().toString();
        LineageIngestor ingestor = new LineageIngestor();
        ingestor.ingest(store, List.of(StoreSuiteEvents.start(newer, "2026-11-25T10:00:00Z", "SELECT 2")));
        ingestor.ingest(store, List.of(StoreSuiteEvents.start(older, "2026-11-25T09:00:00Z", "SELECT 1")));

        assertThat(JSON.readTree(text("SELECT facets_json FROM job"))
                        .at("/sql/query")
                        .asText())
                .isEqualTo("SELECT 2");
        assertThat(text("SELECT updated_at FROM job")).isEqualTo("2026-11-25T10:00:00.000Z");
    }

    @Test
    void should_open_then_update_one_incident_when_runs_writing_a_product_fail() {
        product(store, "payments.transactions", "bigquery", "acme.payments.transactions");
        LineageIngestor ingestor = new LineageIngestor();

        IngestResult first = ingestor.ingest(
                store, List.of(StoreSuiteEvents.fail(UUID.randomUUID().toString(), "2026-11-25T09:00:00Z")));
        IngestResult second = ingestor.ingest(
                store, List.of(StoreSuiteEvents.fail(UUID.randomUUID().toString(), "2026-11-25T10:00:00Z")));

        assertThat(first.incidentIds()).containsExactly("INC-0001");
        assertThat(second.incidentsUpdated()).isEqualTo(1);
        Incident incident = new Incidents(store).get("INC-0001").orElseThrow();
        assertThat(incident.eventCount()).isEqualTo(2);
        assertThat(incident.status()).isEqualTo("open");
        assertThat(incident.updatedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(incident.description()).startsWith("schema mismatch: column amount");
        assertThat(new Incidents(store).list(true)).extracting(Incident::id).containsExactly("INC-0001");
    }

    @Test
    void should_record_runs_with_findings_and_find_the_latest_when_two_finish_at_once() {
        RunLedger ledger = new RunLedger(store);
        Instant t = Instant.parse("2026-12-01T06:00:00Z");
        List<RecordedFinding> findings = new ArrayList<>();
        findings.add(new RecordedFinding("b", "new", t, "warn", "t b", "{\"x\":1}"));
        findings.add(new RecordedFinding("a", "new", t, "deny", "t a", "{}"));

        RecordedRun first =
                ledger.record(new RecordedRun(null, "drift", "mesh", "p", "cli", t, t, "h"), "{}", findings);
        RecordedRun second =
                ledger.record(new RecordedRun(null, "drift", "mesh", "p", "cli", t, t, "h"), "{}", List.of());

        assertThat(List.of(first.id(), second.id())).containsExactly("drift-1", "drift-2");
        assertThat(ledger.latest("drift", "mesh"))
                .get()
                .extracting(RecordedRun::id)
                .isEqualTo("drift-2");
        assertThat(ledger.list("drift", null, 10)).extracting(RecordedRun::id).containsExactly("drift-2", "drift-1");
        assertThat(ledger.findings("drift-1"))
                .extracting(RecordedFinding::fingerprint)
                .containsExactly("a", "b");
        assertThat(ledger.report("drift-1")).contains("{}");
    }

    @Test
    void should_feed_events_another_store_committed_in_commit_order_when_read_after_the_last_number_seen() {
        EventFeed feed = new EventFeed(store);
        assertThat(feed.head()).isZero();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        MeshStore other = another();
        new LineageIngestor()
                .ingest(
                        other,
                        List.of(
                                StoreSuiteEvents.start(first, "2026-11-25T09:00:00Z", "SELECT 1"),
                                StoreSuiteEvents.complete(first, "2026-11-25T09:10:00Z", 42)));
        long seen = feed.head();
        new LineageIngestor()
                .ingest(other, List.of(StoreSuiteEvents.start(second, "2026-11-25T08:00:00Z", "SELECT 2")));

        assertThat(feed.between(0, seen, 10).orElseThrow())
                .extracting(e -> e.run().runId() + " " + e.eventType())
                .containsExactly(first + " START", first + " COMPLETE");
        assertThat(feed.between(seen, feed.head(), 10).orElseThrow())
                .extracting(e -> e.run().runId().toString())
                .containsExactly(second);
        assertThat(feed.between(0, feed.head(), 2)).isEmpty();
        assertThat(new MetricChanges(store).head()).isEqualTo(feed.head());
    }
}
