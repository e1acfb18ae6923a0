package dev.meshpilot.mesh.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.openlineage.LineageIngestor;
import dev.meshpilot.mesh.openlineage.RunEventParser;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaChangesTest {
    static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");
    static final String DATASET = "acme.marketing.audience_segments";

    @TempDir
    Path tmp;

    static void publish(MeshStore store, String at, String fields) {
        String event = ("{\"eventType\":\"START\",\"eventTime\":\"%s\",\"producer\":\"https://example.test/p\","
                        + "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
                        + "\"run\":{\"runId\":\"%s\"},\"job\":{\"namespace\":\"t\",\"name\":\"j\"},\"inputs\":[],"
                        + "\"outputs\":[{\"namespace\":\"bigquery\",\"name\":\"%s\",\"facets\":{\"schema\":{"
                        + "\"_producer\":\"https://example.test/p\",\"_schemaURL\":\"https://example.test/s\","
                        + "\"fields\":%s}}}]}")
                .formatted(at, UUID.randomUUID(), DATASET, fields);
        new LineageIngestor().ingest(store, List.of(RunEventParser.parse(event)));
    }

    static int observations(MeshStore store) {
        return store.withHandle(h -> h.createQuery("SELECT count(*) FROM schema_observation WHERE name = :n")
                .bind("n", DATASET)
                .mapTo(int.class)
                .one());
    }

    @Test
    void should_keep_a_schema_only_when_it_changed_and_name_each_column_added_removed_or_retyped() {
        Assumptions.assumeTrue(Files.isDirectory(DEMO), "no demo mesh at " + DEMO + ": skipping");
        MeshStore store = MeshStore.open(tmp.resolve("m.db"));
        WorkspaceLoader.load(DEMO, store, Progress.NONE);
        int before = observations(store);
        String v1 = "[{\"name\":\"id\",\"type\":\"STRING\"},{\"name\":\"score\",\"type\":\"INT64\"},"
                + "{\"name\":\"tag\",\"type\":\"STRING\"}]";
        String v2 = "[{\"name\":\"id\",\"type\":\"STRING\"},{\"name\":\"score\",\"type\":\"FLOAT64\"},"
                + "{\"name\":\"geo\",\"type\":\"RECORD\",\"fields\":[{\"name\":\"city\",\"type\":\"STRING\"}]}]";
        publish(store, "2026-12-01T00:00:00Z", v1);
        publish(store, "2026-12-02T00:00:00Z", v1);
        assertThat(observations(store)).isEqualTo(before + 1);
        publish(store, "2026-12-03T00:00:00Z", v2);
        assertThat(observations(store)).isEqualTo(before + 2);

        List<MetricPoint> changes = new Activity(store)
                .schemaChanges("marketing.audience_segments", Instant.parse("2026-12-02T00:00:00Z"), null);
        assertThat(changes)
                .extracting(p -> p.column() + "=" + p.value())
                .containsExactly("geo=1.0", "geo.city=1.0", "score=2.0", "tag=-1.0");
        assertThat(changes).allSatisfy(p -> {
            assertThat(p.metric()).isEqualTo("schema_change");
            assertThat(p.at()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        });
    }
}
