package dev.meshpilot.mesh.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo workspace loaded into SQLite and into PostgreSQL leaves the same rows in every table: thirty days of
 * OpenLineage events replayed, incidents opened, contracts, policies, observed state. Values are compared after
 * the differences that are not behaviour: JSON text is compared as JSON (PostgreSQL's jsonb writes it its own
 * way), numbers by value, and the times a load or a receipt happened are left out.
 */
class EnginesAgreeTest {
    static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Columns that hold when something happened on this machine, not what the data says. */
    private static final Set<String> CLOCK = Set.of(
            "mesh_info.loaded_at",
            "mesh_info.source_dir",
            "contract.loaded_at",
            "run_event.received_at",
            "schema_migration.applied_at");

    @TempDir
    Path tmp;

    @Test
    void should_hold_the_same_rows_in_every_table_when_the_demo_is_loaded_into_either_engine() {
        assumeTrue(Files.isDirectory(DEMO), "the demo workspace is not at " + DEMO + ": skipping");
        String schema = TestPostgres.freshSchema();
        MeshStore sqlite = MeshStore.open(tmp.resolve("lite/meshpilot.db"));
        MeshStore postgres = MeshStore.open(TestPostgres.location(schema, tmp.resolve("pg")));
        try {
            WorkspaceLoader.load(DEMO, sqlite, Progress.NONE);
            WorkspaceLoader.load(DEMO, postgres, Progress.NONE);
            List<String> tables = sqlite.withHandle(
                    h -> h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                            .mapTo(String.class)
                            .list());
            assertThat(tables).contains("product", "run", "incident", "metric_point");
            assertThat(List.of(sqlite.count("run"), sqlite.count("incident"), sqlite.count("metric_point")))
                    .as("the demo load stores runs, incidents and metrics")
                    .allMatch(n -> n > 0);
            for (String table : tables) {
                List<String> columns =
                        sqlite.withHandle(h -> h.createQuery("SELECT name FROM pragma_table_info(:t) ORDER BY cid")
                                .bind("t", table)
                                .mapTo(String.class)
                                .list());
                List<String> compared = columns.stream()
                        .filter(c -> !CLOCK.contains(table + "." + c))
                        .toList();
                String sql = "SELECT " + String.join(", ", compared) + " FROM " + table;
                assertThat(rows(postgres, sql, compared))
                        .as("rows of " + table + " on PostgreSQL vs SQLite")
                        .isEqualTo(rows(sqlite, sql, compared));
            }
        } finally {
            sqlite.close();
            postgres.close();
            TestPostgres.drop(schema);
        }
    }

    /** Every row as canonical text, sorted. */
    private static List<String> rows(MeshStore store, String sql, List<String> columns) {
        List<Map<String, Object>> rows =
                store.withHandle(h -> h.createQuery(sql).mapToMap().list());
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            StringBuilder b = new StringBuilder();
            for (String c : columns) {
                b.append(c).append('=').append(canonical(c, row.get(c))).append(" | ");
            }
            out.add(b.toString());
        }
        out.sort(null);
        return out;
    }

    private static String canonical(String column, Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        String s = v.toString();
        if (column.endsWith("_json") || column.equals("body")) {
            try {
                return canonical(JSON.readTree(s));
            } catch (Exception e) {
                return s;
            }
        }
        return s;
    }

    /** JSON with object keys sorted, so key order and spacing do not matter. */
    private static String canonical(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, String> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), canonical(e.getValue()));
            }
            return sorted.toString();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(canonical(n)));
            return items.toString();
        }
        return node.toString();
    }
}
