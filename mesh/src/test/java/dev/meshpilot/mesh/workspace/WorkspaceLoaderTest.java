package dev.meshpilot.mesh.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.product.Criticality;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLoaderTest {
    @TempDir
    Path tmp;

    TestWorkspace ws;
    MeshStore store;

    @BeforeEach
    void setUp() {
        ws = new TestWorkspace(tmp.resolve("ws"));
        store = MeshStore.open(tmp.resolve("home/meshpilot.db"));
    }

    @Test
    void should_load_every_kind_of_file_when_workspace_is_valid() {
        LoadResult result = WorkspaceLoader.load(ws.root, store, Progress.NONE);

        assertThat(result.products()).isEqualTo(2);
        DataProduct orders = new Products(store).get("sales.orders").orElseThrow();
        assertThat(orders.criticality()).isEqualTo(Criticality.HIGH);
        assertThat(orders.owner()).isEqualTo("sales-team");
        assertThat(orders.ownerDeclared()).isFalse();
        assertThat(orders.outputPorts())
                .singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("sales.orders"));
        assertThat(orders.slos())
                .singleElement()
                .satisfies(s -> assertThat(s.target()).isEqualTo("PT1H"));
        assertThat(store.count("contract")).isEqualTo(1);
        assertThat(store.count("policy")).isEqualTo(1);
        assertThat(store.count("runbook")).isEqualTo(1);
        assertThat(store.count("incident")).isEqualTo(1);
        assertThat(store.count("principal")).isEqualTo(1);
    }

    @Test
    void should_store_whether_warn_level_checks_open_incidents_when_meshpilot_yaml_says_so() throws Exception {
        WorkspaceLoader.load(ws.root, store, Progress.NONE);
        assertThat(openOnWarn()).isZero();

        String mesh = java.nio.file.Files.readString(ws.root.resolve("meshpilot.yaml"));
        ws.write(
                "meshpilot.yaml",
                mesh.replace(
                        "asOf: 2026-11-25T09:00:00Z\n",
                        "asOf: 2026-11-25T09:00:00Z\n" + "incidents:\n  openOnWarnChecks: true\n"));
        WorkspaceLoader.load(ws.root, store, Progress.NONE);

        assertThat(openOnWarn()).isEqualTo(1);
    }

    private int openOnWarn() {
        return store.withHandle(h -> h.createQuery("SELECT open_on_warn_checks FROM mesh_info WHERE id = 1")
                .mapTo(Integer.class)
                .one());
    }

    @Test
    void should_update_in_place_and_never_duplicate_when_loaded_twice() {
        WorkspaceLoader.load(ws.root, store, Progress.NONE);
        ws.write("domains/sales/products/daily.yaml", """
                id: sales.daily
                name: Daily sales, renamed
                outputPorts:
                  - namespace: warehouse
                    name: sales.daily
                """);
        WorkspaceLoader.load(ws.root, store, Progress.NONE);

        assertThat(store.count("product")).isEqualTo(2);
        assertThat(store.count("product_port")).isEqualTo(2);
        assertThat(store.count("incident")).isEqualTo(1);
        assertThat(new Products(store).get("sales.daily").orElseThrow().name()).isEqualTo("Daily sales, renamed");
    }

    @Test
    void should_keep_every_contract_version_when_a_new_one_is_added() {
        WorkspaceLoader.load(ws.root, store, Progress.NONE);
        ws.write("contracts/sales.orders.v2.odcs.yaml", TestWorkspace.contract("2.0.0", "proposed", "number"));
        WorkspaceLoader.load(ws.root, store, Progress.NONE);
        ws.root.resolve("contracts/sales.orders.v2.odcs.yaml").toFile().delete();
        WorkspaceLoader.load(ws.root, store, Progress.NONE);

        assertThat(store.count("contract")).isEqualTo(2);
    }

    @Test
    void should_change_nothing_and_list_every_problem_when_workspace_is_invalid() {
        WorkspaceLoader.load(ws.root, store, Progress.NONE);
        ws.write("domains/sales/products/broken.yaml", "id: sales.broken\nname: [unclosed\n");
        ws.write("domains/sales/products/refunds.yaml", """
                id: sales.refunds
                name: Refunds
                owner: nobody-team
                contract: sales.refunds
                outputPorts:
                  - namespace: warehouse
                    name: sales.orders
                """);
        ws.write("contracts/bad.odcs.yaml", """
                apiVersion: v3.1.0
                kind: DataContract
                id: bad
                version: 1.0.0
                status: active
                schema: not-a-list
                """);
        ws.write("runbooks/late-again.md", "---\nid: RB-late\ntitle: Duplicate\n---\nbody\n");
        ws.write("observed/incidents.yaml", """
                incidents:
                  - id: INC-0002
                    title: Ghost
                    product: sales.ghost
                    status: open
                    openedAt: yesterday
                """);

        MeshpilotException e = catchThrowableOfType(
                MeshpilotException.class, () -> WorkspaceLoader.load(ws.root, store, Progress.NONE));

        assertThat(e.code()).isEqualTo(ErrorCode.WORKSPACE_INVALID);
        assertThat(e.details())
                .anySatisfy(d -> assertThat(d)
                        .startsWith("domains/sales/products/broken.yaml:3: YAML syntax error")
                        .contains("line 2"))
                .anySatisfy(d -> assertThat(d)
                        .startsWith("domains/sales/products/refunds.yaml:3: owner: unknown team 'nobody-team'"))
                .anySatisfy(d -> assertThat(d)
                        .startsWith("domains/sales/products/refunds.yaml:4: contract: unknown contract id"))
                .anySatisfy(d -> assertThat(d)
                        .contains("refunds.yaml")
                        .contains("port warehouse / sales.orders is already claimed by sales.orders"))
                .anySatisfy(d ->
                        assertThat(d).isEqualTo("contracts/bad.odcs.yaml:6: schema: expected a list, got 'not-a-list'"))
                .anySatisfy(d -> assertThat(d)
                        .startsWith("runbooks/late.md:2: id: duplicate runbook 'RB-late'")
                        .contains("runbooks/late-again.md:2"))
                .anySatisfy(
                        d -> assertThat(d)
                                .startsWith(
                                        "observed/incidents.yaml:6: incidents[0].openedAt: 'yesterday' is not an ISO-8601 instant"));
        assertThat(e.details()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(store.count("product")).isEqualTo(2);
        assertThat(store.count("incident")).isEqualTo(1);
    }

    @Test
    void should_name_the_valid_values_when_an_enum_field_is_wrong() {
        ws.write("domains/sales/products/daily.yaml", """
                id: sales.daily
                name: Daily
                criticality: urgent
                colour: blue
                """);

        assertThat(WorkspaceLoader.check(ws.root))
                .extracting(Problem::toString)
                .contains(
                        "domains/sales/products/daily.yaml:3: criticality: 'urgent' is not one of critical, high, low, medium")
                .anySatisfy(p -> assertThat(p)
                        .startsWith("domains/sales/products/daily.yaml:4: colour: unknown field (valid: id, name,"));
    }

    @Test
    void should_name_line_field_and_valid_values_when_a_contract_breaks_an_odcs_rule() {
        ws.write("contracts/sales.orders.odcs.yaml", """
                apiVersion: v3.1.0
                kind: DataContract
                id: sales.orders
                version: 1.0.0
                status: active
                schema:
                  - name: orders
                    properties:
                      - name: order_id
                        logicalType: uuid
                """);

        assertThat(WorkspaceLoader.check(ws.root))
                .extracting(Problem::toString)
                .contains(
                        "contracts/sales.orders.odcs.yaml:10: schema[0].properties[0].logicalType: 'uuid' is not one of"
                                + " string, date, timestamp, time, number, integer, object, array, boolean");
    }

    @Test
    void should_refuse_a_product_whose_id_does_not_match_its_file() {
        ws.write("domains/sales/products/daily.yaml", "id: sales.weekly\nname: Weekly\n");

        assertThat(WorkspaceLoader.check(ws.root))
                .extracting(Problem::toString)
                .containsExactly(
                        "domains/sales/products/daily.yaml:1: id: 'sales.weekly' must be <domain>.<file name>, here 'sales.daily'");
    }

    @Test
    void should_build_the_warehouse_and_keep_the_old_one_when_a_script_fails() throws Exception {
        ws.write(
                "warehouse/01-orders.sql",
                "CREATE TABLE sales__orders (order_id TEXT, email TEXT);\n"
                        + "INSERT INTO sales__orders VALUES ('o1', 'a@example.com');\n");
        LoadResult first = WorkspaceLoader.load(ws.root, store, Progress.NONE);
        Path warehouse = tmp.resolve("home/warehouse.db");
        ws.write("warehouse/02-broken.sql", "INSERT INTO no_such_table VALUES (1);\n");

        MeshpilotException e = catchThrowableOfType(
                MeshpilotException.class, () -> WorkspaceLoader.load(ws.root, store, Progress.NONE));

        assertThat(first.warehouseScripts()).isEqualTo(1);
        assertThat(e.code()).isEqualTo(ErrorCode.WORKSPACE_INVALID);
        assertThat(e.getMessage()).contains("warehouse/02-broken.sql").contains("no such table");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + warehouse);
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM sales__orders")) {
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertThat(tmp.resolve("home/warehouse.db.new")).doesNotExist();
    }
}
