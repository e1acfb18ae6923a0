package dev.meshpilot.mesh.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.incident.Incidents;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one view of a product and of an incident, built from the demo mesh as the store holds it. */
class ProductViewsTest {
    static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");

    @TempDir
    static Path tmp;

    static MeshStore store;
    static ProductViews views;

    @BeforeAll
    static void load() {
        store = MeshStore.open(tmp.resolve("meshpilot.db"));
        WorkspaceLoader.load(DEMO, store, Progress.NONE);
        views = new ProductViews(store);
    }

    @Test
    void should_join_domain_team_contract_and_ports_when_the_product_declares_its_owner() {
        ProductView v = views.get("finance.revenue_daily").orElseThrow();

        assertThat(v.domain()).isEqualTo(new ProductView.DomainRef("finance", "Finance"));
        assertThat(v.owner())
                .isEqualTo(new Owner(
                        "finance-team", "Finance Data", "finance-data@acme.example", "#finance-data", "erin"));
        assertThat(v.ownerDeclared()).isTrue();
        assertThat(v.criticality()).isEqualTo("critical");
        assertThat(v.contract().id()).isEqualTo("finance.revenue_daily");
        assertThat(v.contract().versions()).contains(v.contract().version());
        assertThat(v.outputPorts())
                .containsExactly(new ProductView.Port(
                        "bigquery", "acme.finance.revenue_daily", "BigQuery table, partitioned by revenue_date"));
        assertThat(v.freshness())
                .hasValueSatisfying(d -> assertThat(d.toHours()).isEqualTo(26));
    }

    @Test
    void should_say_the_domain_owner_stands_in_when_the_product_names_no_team() {
        ProductView v = views.get("inventory.stock_levels").orElseThrow();

        assertThat(v.ownerDeclared()).isFalse();
        assertThat(v.owner().team()).isEqualTo("inventory-team");
    }

    @Test
    void should_list_every_product_and_find_none_for_an_unknown_id() {
        assertThat(views.list())
                .extracting(ProductView::id)
                .contains("finance.revenue_daily", "inventory.stock_levels");
        assertThat(views.get("nowhere.nothing")).isEmpty();
    }

    @Test
    void should_carry_every_field_of_an_incident_with_its_product_as_product() {
        var incident = new Incidents(store).get("INC-1001").orElseThrow();

        IncidentView v = IncidentView.of(incident);

        assertThat(v.id()).isEqualTo("INC-1001");
        assertThat(v.product()).isEqualTo(incident.productId());
        assertThat(v.fingerprint()).isEqualTo(incident.fingerprint());
        assertThat(v.openedAt()).isEqualTo(incident.openedAt());
        assertThat(v.eventCount()).isEqualTo(incident.eventCount());
    }
}
