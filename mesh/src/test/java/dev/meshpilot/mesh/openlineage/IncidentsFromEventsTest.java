package dev.meshpilot.mesh.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incidents opened or updated by FAIL events and failed assertions on products' datasets. */
class IncidentsFromEventsTest {
    @TempDir
    Path dir;

    private MeshStore store;
    private final LineageIngestor ingestor = new LineageIngestor();

    @BeforeEach
    void open() {
        store = TestMesh.store(dir);
        TestMesh.product(store, "payments.transactions", "bigquery", "acme.payments.transactions");
    }

    private static RunEvent fail(String time, boolean withOutput) {
        ObjectNode e = Events.event("FAIL", time, UUID.randomUUID(), "airflow", "payments.daily");
        if (withOutput) {
            Events.dataset(e, "outputs", "bigquery", "acme.payments.transactions");
        }
        Events.facet(((ObjectNode) e.get("run")).putObject("facets"), "errorMessage")
                .put("message", "schema mismatch: column amount")
                .put("programmingLanguage", "python");
        return Events.parse(e);
    }

    private List<Map<String, Object>> incidents() {
        return TestMesh.rows(store, "SELECT * FROM incident ORDER BY number");
    }

    @Test
    void should_open_an_incident_when_a_run_writing_a_product_fails() {
        IngestResult result = ingestor.ingest(store, List.of(fail("2026-11-25T09:00:00Z", true)));
        assertThat(result.incidentsOpened()).isEqualTo(1);
        assertThat(result.incidentIds()).containsExactly("INC-0001");
        assertThat(incidents())
                .singleElement()
                .satisfies(i -> assertThat(i)
                        .containsEntry("id", "INC-0001")
                        .containsEntry("number", 1)
                        .containsEntry("title", "payments.transactions: run failed")
                        .containsEntry("product_id", "payments.transactions")
                        .containsEntry("status", "open")
                        .containsEntry("fingerprint", "run_failed:payments.transactions")
                        .containsEntry("source", "openlineage")
                        .containsEntry("error_class", null)
                        .containsEntry("event_count", 1)
                        .containsEntry("opened_at", "2026-11-25T09:00:00.000Z")
                        .containsEntry("updated_at", "2026-11-25T09:00:00.000Z"));
        assertThat((String) incidents().get(0).get("description")).startsWith("schema mismatch: column amount");
    }

    @Test
    void should_update_the_open_incident_when_the_run_fails_again() {
        ingestor.ingest(store, List.of(fail("2026-11-25T09:00:00Z", true)));
        IngestResult again = ingestor.ingest(store, List.of(fail("2026-11-25T10:00:00Z", true)));
        assertThat(again.incidentsOpened()).isZero();
        assertThat(again.incidentsUpdated()).isEqualTo(1);
        assertThat(incidents())
                .singleElement()
                .satisfies(i -> assertThat(i)
                        .containsEntry("event_count", 2)
                        .containsEntry("opened_at", "2026-11-25T09:00:00.000Z")
                        .containsEntry("updated_at", "2026-11-25T10:00:00.000Z"));
    }

    @Test
    void should_find_the_product_through_stored_lineage_when_the_fail_event_lists_no_outputs() {
        ObjectNode start =
                Events.event("START", "2026-11-25T08:00:00Z", UUID.randomUUID(), "airflow", "payments.daily");
        Events.dataset(start, "outputs", "bigquery", "acme.payments.transactions");
        ingestor.ingest(store, List.of(Events.parse(start)));
        assertThat(ingestor.ingest(store, List.of(fail("2026-11-25T09:00:00Z", false)))
                        .incidentsOpened())
                .isEqualTo(1);
    }

    @Test
    void should_open_a_new_incident_numbered_after_the_highest_when_the_previous_one_is_resolved() {
        store.useHandle(h -> h.execute("INSERT INTO incident (id, number, title, product_id, status, fingerprint, "
                + "source, opened_at, updated_at) VALUES ('INC-0981', 981, 'old', 'payments.transactions', 'resolved', "
                + "'run_failed:payments.transactions', 'workspace', '2026-10-03T07:10:00Z', '2026-10-03T11:40:00Z')"));
        IngestResult result = ingestor.ingest(store, List.of(fail("2026-11-25T09:00:00Z", true)));
        assertThat(result.incidentIds()).containsExactly("INC-0982");
        assertThat(incidents())
                .extracting(i -> i.get("id") + " " + i.get("status"))
                .containsExactly("INC-0981 resolved", "INC-0982 open");
    }

    @Test
    void should_not_open_an_incident_when_the_failed_run_writes_no_product() {
        ObjectNode e = Events.event("FAIL", "2026-11-25T09:00:00Z", UUID.randomUUID(), "airflow", "scratch");
        Events.dataset(e, "outputs", "bigquery", "sandbox.tmp");
        assertThat(ingestor.ingest(store, List.of(Events.parse(e))).incidentIds())
                .isEmpty();
        assertThat(store.count("incident")).isZero();
    }

    @Test
    void should_open_run_and_quality_incidents_when_the_dbt_fixtures_fail_on_products() {
        TestMesh.product(store, "shop.orders", "postgres://postgres:5432", "postgres.public.orders");
        TestMesh.product(store, "shop.second_model", "bigquery", "random-gcp-project.dbt_test1.test_second_dbt_model");
        IngestResult result = ingestor.ingest(
                store, List.of(Standards.parse(Standards.fixture("11")), Standards.parse(Standards.fixture("12"))));
        assertThat(result.incidentsOpened()).isEqualTo(2);
        assertThat(incidents())
                .extracting(i -> i.get("fingerprint") + " | " + i.get("title"))
                .containsExactly(
                        "quality_failed:shop.second_model:unique | shop.second_model: quality check unique failed",
                        "run_failed:shop.orders | shop.orders: run failed");
        assertThat((String) incidents().get(0).get("description"))
                .startsWith("Assertion unique failed on bigquery/random-gcp-project.dbt_test1.test_second_dbt_model, "
                        + "column id: expected 0, actual 1 (severity error).");
        assertThat((String) incidents().get(1).get("description")).startsWith("Database Error in model orders");
    }

    @Test
    void should_count_an_event_from_before_a_resolution_on_the_resolved_incident_instead_of_reopening_it() {
        store.useHandle(h -> h.execute("INSERT INTO incident (id, number, title, product_id, status, fingerprint, "
                + "source, opened_at, updated_at, resolved_at) VALUES ('INC-0981', 981, 'old', 'payments.transactions', "
                + "'resolved', 'run_failed:payments.transactions', 'workspace', '2026-10-03T07:10:00.000Z', "
                + "'2026-10-03T11:40:00.000Z', '2026-10-03T11:40:00.000Z')"));

        IngestResult history = ingestor.ingest(store, List.of(fail("2026-10-03T08:00:00Z", true)));
        IngestResult later = ingestor.ingest(store, List.of(fail("2026-10-04T08:00:00Z", true)));

        assertThat(history.incidentsOpened()).isZero();
        assertThat(later.incidentIds()).containsExactly("INC-0982");
        assertThat(incidents())
                .extracting(i -> i.get("id") + " " + i.get("status") + " " + i.get("event_count"))
                .containsExactly("INC-0981 resolved 2", "INC-0982 open 1");
    }

    /** A dbt test run with a failed warn-level assertion and a failed error-level one on transactions. */
    private static RunEvent warnAndErrorChecks() {
        ObjectNode e = Events.event("COMPLETE", "2026-11-25T09:00:00Z", UUID.randomUUID(), "dbt", "payments.tests");
        ObjectNode out = Events.dataset(e, "inputs", "bigquery", "acme.payments.transactions");
        ObjectNode facet = Events.facet(Events.container(out, "inputFacets"), "dataQualityAssertions");
        facet.putArray("assertions")
                .add(Events.JSON
                        .createObjectNode()
                        .put("assertion", "accepted_values")
                        .put("success", false)
                        .put("column", "currency")
                        .put("severity", "warn"))
                .add(Events.JSON
                        .createObjectNode()
                        .put("assertion", "not_null")
                        .put("success", false)
                        .put("column", "amount")
                        .put("severity", "error"));

        return Events.parse(e);
    }

    @Test
    void should_store_a_failed_warn_level_check_without_opening_an_incident() {
        ObjectNode e = Events.event("COMPLETE", "2026-11-25T09:00:00Z", UUID.randomUUID(), "dbt", "payments.tests");
        ObjectNode out = Events.dataset(e, "inputs", "bigquery", "acme.payments.transactions");
        ObjectNode facet = Events.facet(Events.container(out, "inputFacets"), "dataQualityAssertions");
        facet.putArray("assertions")
                .add(Events.JSON
                        .createObjectNode()
                        .put("assertion", "accepted_values")
                        .put("success", false)
                        .put("column", "currency")
                        .put("severity", "warn"))
                .add(Events.JSON
                        .createObjectNode()
                        .put("assertion", "not_null")
                        .put("success", false)
                        .put("column", "amount")
                        .put("severity", "error"));

        IngestResult result = ingestor.ingest(store, List.of(Events.parse(e)));

        assertThat(result.incidentsOpened()).isEqualTo(1);
        assertThat(incidents())
                .extracting(i -> i.get("fingerprint"))
                .containsExactly("quality_failed:payments.transactions:not_null");
        assertThat(TestMesh.rows(store, "SELECT * FROM quality_result")).hasSize(2);
    }

    @Test
    void should_open_an_incident_for_a_failed_warn_level_check_when_the_mesh_says_so() {
        store.useHandle(h -> h.execute("INSERT INTO mesh_info (id, name, source_dir, loaded_at, open_on_warn_checks) "
                + "VALUES (1, 'm', '/ws', '2026-11-25T08:00:00.000Z', 1) ON CONFLICT (id) DO UPDATE SET "
                + "open_on_warn_checks = 1"));

        IngestResult result = ingestor.ingest(store, List.of(warnAndErrorChecks()));

        assertThat(result.incidentsOpened()).isEqualTo(2);
        assertThat(incidents())
                .extracting(i -> i.get("fingerprint"))
                .containsExactlyInAnyOrder(
                        "quality_failed:payments.transactions:accepted_values",
                        "quality_failed:payments.transactions:not_null");
    }
}
