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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCacheTest {
    static final Path DEMO = SchemaChangesTest.DEMO;
    static final String ORDERS = "orders.orders_daily";
    static final String PROFILE = "customers.customer_profile";

    @TempDir
    Path tmp;

    MeshStore store;

    @BeforeEach
    void load() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(DEMO), "no demo mesh at " + DEMO + ": skipping");
        store = MeshStore.open(tmp.resolve("m.db"));
        WorkspaceLoader.load(DEMO, store, Progress.NONE);
    }

    /** A completed run of a new job writing the product's first port, with its row count. */
    void publishRowCount(String product, String at, long rows) {
        List<String> port = store.withHandle(h -> h.createQuery(
                        "SELECT namespace, name FROM product_port WHERE product_id = :p ORDER BY name LIMIT 1")
                .bind("p", product)
                .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2)))
                .one());
        String event = ("{\"eventType\":\"COMPLETE\",\"eventTime\":\"%s\",\"producer\":\"https://example.test/p\","
                        + "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
                        + "\"run\":{\"runId\":\"%s\"},\"job\":{\"namespace\":\"t\",\"name\":\"backfill\"},\"inputs\":[],"
                        + "\"outputs\":[{\"namespace\":\"%s\",\"name\":\"%s\",\"outputFacets\":{\"outputStatistics\":{"
                        + "\"_producer\":\"https://example.test/p\",\"_schemaURL\":\"https://example.test/s\","
                        + "\"rowCount\":%d}}}]}")
                .formatted(at, UUID.randomUUID(), port.get(0), port.get(1), rows);
        new LineageIngestor().ingest(store, List.of(RunEventParser.parse(event)));
    }

    static double valueAt(Recorded r, String metric, Instant at) {
        for (Recorded.Track t : r.tracks()) {
            if (t.metric().equals(metric) && t.column() == null) {
                for (int i = 0; i < t.at().length; i++) {
                    if (t.at()[i] == at.getEpochSecond()) {
                        return t.values()[i];
                    }
                }
            }
        }
        return Double.NaN;
    }

    @Test
    void should_give_what_the_store_gives_for_any_window() {
        HistoryCache cache = new HistoryCache(store);
        Recordings direct = new Recordings(store);
        cache.refresh();
        Instant since = Instant.parse("2026-11-10T00:00:00Z");
        Instant until = Instant.parse("2026-11-21T12:00:00Z");
        for (String product : List.of(ORDERS, PROFILE)) {
            for (Instant[] w : new Instant[][] {{null, null}, {since, null}, {null, until}, {since, until}}) {
                Recorded held = cache.read(product, w[0], w[1]).orElseThrow();
                Recorded read = direct.read(product, w[0], w[1]).orElseThrow();
                assertThat(held.tracks()).hasSameSizeAs(read.tracks());
                for (int i = 0; i < read.tracks().size(); i++) {
                    Recorded.Track a = held.tracks().get(i);
                    Recorded.Track b = read.tracks().get(i);
                    assertThat(a.metric() + ":" + a.column()).isEqualTo(b.metric() + ":" + b.column());
                    assertThat(a.at()).containsExactly(b.at());
                    assertThat(a.values()).containsExactly(b.values());
                }
                assertThat(held.rules()).isEqualTo(read.rules());
            }
        }
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.points()).isGreaterThan(100);
    }

    @Test
    void should_read_again_only_the_product_an_accepted_event_touched() {
        HistoryCache cache = new HistoryCache(store);
        cache.refresh();
        cache.read(ORDERS, null, null).orElseThrow();
        Recorded profile = cache.read(PROFILE, null, null).orElseThrow();
        Instant at = Instant.parse("2026-11-30T06:00:00Z");

        publishRowCount(ORDERS, at.toString(), 123_456);
        assertThat(valueAt(cache.read(ORDERS, null, null).orElseThrow(), "row_count", at))
                .as("held until the next refresh")
                .isNaN();
        cache.refresh();

        assertThat(cache.size()).isEqualTo(1);
        assertThat(valueAt(cache.read(ORDERS, null, null).orElseThrow(), "row_count", at))
                .isEqualTo(123_456);
        assertThat(cache.read(PROFILE, null, null).orElseThrow()).isSameAs(profile);
    }

    @Test
    void should_drop_everything_when_the_workspace_is_loaded_again() {
        HistoryCache cache = new HistoryCache(store);
        cache.refresh();
        cache.read(ORDERS, null, null).orElseThrow();
        cache.read(PROFILE, null, null).orElseThrow();

        WorkspaceLoader.load(DEMO, store, Progress.NONE);
        cache.refresh();

        assertThat(cache.size()).isZero();
        assertThat(cache.points()).isZero();
    }

    @Test
    void should_read_from_the_store_each_time_past_its_point_limit() {
        HistoryCache cache = new HistoryCache(store, 10);
        cache.refresh();
        Recorded first = cache.read(ORDERS, null, null).orElseThrow();
        Recorded again = cache.read(ORDERS, null, null).orElseThrow();

        assertThat(cache.size()).isZero();
        assertThat(again).isNotSameAs(first);
        assertThat(again.points()).isEqualTo(first.points());
    }

    @Test
    void should_hold_every_product_after_a_warm_up_and_read_none_again() {
        HistoryCache cache = new HistoryCache(store);
        List<String> products = store.withHandle(h -> h.createQuery("SELECT id FROM product ORDER BY id")
                .mapTo(String.class)
                .list());

        assertThat(cache.warm(products)).isEqualTo(products.size());
        Recorded held = cache.read(ORDERS, null, null).orElseThrow();

        assertThat(cache.size()).isEqualTo(products.size());
        assertThat(cache.warm(products)).isZero();
        assertThat(cache.read(ORDERS, null, null).orElseThrow()).isSameAs(held);
    }

    @Test
    void should_say_nothing_was_recorded_for_a_product_without_points() {
        HistoryCache cache = new HistoryCache(store);
        cache.refresh();
        assertThat(cache.read("no.such_product", null, null)).isEmpty();
        assertThat(cache.read(ORDERS, Instant.parse("2030-01-01T00:00:00Z"), null))
                .isEmpty();
    }
}
