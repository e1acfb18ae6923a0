package dev.meshpilot.mesh.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit: concurrent requests share transactions, each is acknowledged only once committed. */
class BatchingIngestorTest {
    @TempDir
    Path dir;

    private static List<RunEvent> request(String job, int events) {
        List<RunEvent> list = new ArrayList<>();
        UUID run = UUID.randomUUID();
        for (int i = 0; i < events; i++) {
            ObjectNode e =
                    Events.event(i == 0 ? "START" : "RUNNING", "2026-11-25T09:00:0" + i + "Z", run, "airflow", job);
            Events.dataset(e, "outputs", "bigquery", "acme." + job);
            list.add(Events.parse(e));
        }
        return list;
    }

    @Test
    void should_complete_every_request_and_keep_every_event_when_many_threads_submit() throws Exception {
        MeshStore store = TestMesh.store(dir);
        List<CompletableFuture<IngestResult>> futures = new ArrayList<>();
        try (BatchingIngestor writer = new BatchingIngestor(store, new LineageIngestor(), 64, 1024);
                ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<CompletableFuture<CompletableFuture<IngestResult>>> submitted = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                List<RunEvent> events = request("job" + i, 5);
                submitted.add(CompletableFuture.supplyAsync(() -> writer.submit(events), clients));
            }
            for (CompletableFuture<CompletableFuture<IngestResult>> s : submitted) {
                futures.add(s.get(30, TimeUnit.SECONDS));
            }
            for (CompletableFuture<IngestResult> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS).accepted()).isEqualTo(5);
            }
        }
        MeshStore reopened = MeshStore.open(dir.resolve("m.db"));
        assertThat(reopened.count("run_event")).isEqualTo(2000);
        assertThat(reopened.count("run")).isEqualTo(400);
        assertThat(reopened.count("lineage_edge")).isEqualTo(400);
    }

    @Test
    void should_acknowledge_only_after_commit_when_the_database_is_busy() throws Exception {
        MeshStore store = TestMesh.store(dir);
        try (BatchingIngestor writer = new BatchingIngestor(store)) {
            CompletableFuture<IngestResult> future;
            try (Handle blocker = store.jdbi().open()) {
                blocker.execute("BEGIN IMMEDIATE");
                future = writer.submit(request("late", 2));
                Thread.sleep(300);
                assertThat(future).isNotDone();
                blocker.execute("ROLLBACK");
            }
            assertThat(future.get(30, TimeUnit.SECONDS).accepted()).isEqualTo(2);
            assertThat(store.count("run_event")).isEqualTo(2);
        }
    }

    @Test
    void should_fail_only_the_bad_request_when_its_batch_cannot_be_written() throws Exception {
        MeshStore store = TestMesh.store(dir);
        store.useHandle(h -> h.execute("CREATE TRIGGER poison BEFORE INSERT ON run_event WHEN NEW.body LIKE '%poison%' "
                + "BEGIN SELECT RAISE(ABORT, 'poisoned event'); END"));
        List<CompletableFuture<IngestResult>> good = new ArrayList<>();
        CompletableFuture<IngestResult> bad;
        try (BatchingIngestor writer = new BatchingIngestor(store)) {
            try (Handle blocker = store.jdbi().open()) {
                blocker.execute("BEGIN IMMEDIATE");
                for (int i = 0; i < 20; i++) {
                    good.add(writer.submit(request("good" + i, 3)));
                }
                bad = writer.submit(request("poison", 3));
                good.add(writer.submit(request("after", 3)));
                blocker.execute("ROLLBACK");
            }
            for (CompletableFuture<IngestResult> f : good) {
                assertThat(f.get(30, TimeUnit.SECONDS).accepted()).isEqualTo(3);
            }
            assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOfSatisfying(MeshpilotException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILED);
                        assertThat(e.getMessage()).contains("poisoned event");
                    });
        }
        assertThat(store.count("run_event")).isEqualTo(63);
        assertThat(TestMesh.one(store, "SELECT count(*) FROM run WHERE job_name = 'poison'"))
                .isEqualTo(0);
    }

    @Test
    void should_write_what_is_queued_then_refuse_new_requests_when_closed() throws Exception {
        MeshStore store = TestMesh.store(dir);
        BatchingIngestor writer = new BatchingIngestor(store);
        List<CompletableFuture<IngestResult>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            futures.add(writer.submit(request("job" + i, 2)));
        }
        writer.close();
        assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(store.count("run_event")).isEqualTo(200);
        CompletableFuture<IngestResult> late = writer.submit(request("late", 1));
        assertThatThrownBy(late::join).isInstanceOf(CompletionException.class).hasMessageContaining("closed");
        assertThat(writer.submit(List.of()).join()).isEqualTo(IngestResult.EMPTY);
    }
}
