package dev.meshpilot.mesh.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How ingest uses transactions: the caller's when given a handle, its own (waiting for the lock) otherwise. */
class LineageIngestorTransactionTest {
    @TempDir
    Path dir;

    private MeshStore store;
    private final LineageIngestor ingestor =
            new LineageIngestor(Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void open() {
        store = TestMesh.store(dir);
    }

    @Test
    void should_write_within_the_callers_transaction_when_given_a_handle() {
        RunEvent e = Standards.parse(Standards.fixture("09"));
        assertThatThrownBy(() -> store.inTransaction(h -> {
                    assertThat(ingestor.ingest(h, List.of(e)).accepted()).isEqualTo(1);
                    assertThat(h.select("SELECT count(*) FROM run_event")
                                    .mapTo(int.class)
                                    .one())
                            .isEqualTo(1);
                    throw new IllegalStateException("the workspace loader found a problem");
                }))
                .hasMessageContaining("workspace loader");
        for (String table : List.of("run_event", "run", "job", "dataset", "lineage_edge")) {
            assertThat(store.count(table)).as(table).isZero();
        }
        assertThat(store.withHandle(h -> ingestor.ingest(h, List.of(e))).accepted())
                .isEqualTo(1);
        assertThat(store.count("run_event")).isEqualTo(1);
    }

    @Test
    void should_record_the_receipt_time_and_the_canonical_body_when_an_event_is_accepted() {
        RunEvent e = Standards.parse(Standards.fixture("12"));
        ingestor.ingest(store, List.of(e));
        Map<String, Object> row =
                TestMesh.rows(store, "SELECT * FROM run_event").get(0);
        assertThat(row)
                .containsEntry("digest", e.digest())
                .containsEntry("body", e.json())
                .containsEntry("received_at", "2026-11-25T10:00:00.000Z")
                .containsEntry("event_type", "FAIL")
                .containsEntry("event_time", "2024-11-22T15:58:08.958Z");
        assertThat(row.get("producer")).isNull();
    }

    @Test
    void should_wait_for_the_write_lock_when_another_connection_is_writing() throws Exception {
        RunEvent e = Standards.parse(Standards.fixture("09"));
        try (Handle other = store.jdbi().open()) {
            other.execute("BEGIN IMMEDIATE");
            other.execute("INSERT INTO team (id, name) VALUES ('t', 'T')");
            CompletableFuture<IngestResult> result =
                    CompletableFuture.supplyAsync(() -> ingestor.ingest(store, List.of(e)));
            Thread.sleep(300);
            other.execute("COMMIT");
            assertThat(result.get(30, TimeUnit.SECONDS).accepted()).isEqualTo(1);
        }
    }
}
