package dev.meshpilot.mesh.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.mesh.store.MeshStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeping the index in line with the store: incremental sync, incidents after an ingest, rebuild, restart. */
class SearchSyncTest {
    @TempDir
    Path tmp;

    MeshStore store;
    CountingEmbedder embedder = new CountingEmbedder();

    @BeforeEach
    void load() {
        store = DemoMesh.copy(tmp);
    }

    SearchIndex open() {
        return SearchIndex.open(tmp.resolve("index"), embedder);
    }

    static List<String> ids(SearchIndex index, String text, DocType type) {
        return index.search(new SearchQuery(text, Set.of(type), Set.of(), 10, SearchMode.BM25)).stream()
                .map(SearchHit::id)
                .toList();
    }

    @Test
    void should_embed_only_the_changed_document_on_sync() {
        try (SearchIndex index = open()) {
            SyncResult first = index.sync(store);
            assertThat(first.added()).isEqualTo(index.count()).isPositive();
            assertThat(embedder.reset()).isEqualTo(first.added());

            SyncResult again = index.sync(store);
            assertThat(again)
                    .extracting(SyncResult::added, SyncResult::updated, SyncResult::deleted)
                    .containsExactly(0, 0, 0);
            assertThat(again.unchanged()).isEqualTo(first.added());
            assertThat(embedder.reset()).isZero();

            store.useHandle(h -> h.execute(
                    "UPDATE product SET description = ? WHERE id = ?",
                    "Refunds and chargebacks, now including store-credit vouchers",
                    "payments.refunds"));
            SyncResult changed = index.sync(store);
            assertThat(changed)
                    .extracting(SyncResult::added, SyncResult::updated, SyncResult::deleted)
                    .containsExactly(0, 1, 0);
            assertThat(embedder.seen).singleElement().asString().contains("store-credit vouchers");
            assertThat(embedder.reset()).isEqualTo(1);
            assertThat(ids(index, "store-credit vouchers", DocType.PRODUCT))
                    .first()
                    .isEqualTo("payments.refunds");
            assertThat(index.count()).isEqualTo(first.added());
        }
    }

    @Test
    void should_delete_documents_gone_from_the_store() {
        try (SearchIndex index = open()) {
            int all = index.sync(store).added();
            store.useHandle(h -> h.execute("DELETE FROM runbook WHERE id = 'RB-warehouse-capacity'"));
            SyncResult r = index.sync(store);
            assertThat(r.deleted()).isEqualTo(1);
            assertThat(r.embedded()).isZero();
            assertThat(index.count()).isEqualTo(all - 1);
            assertThat(ids(index, "dataproc quota slots", DocType.RUNBOOK)).doesNotContain("RB-warehouse-capacity");
        }
    }

    @Test
    void should_index_incidents_opened_or_updated_by_an_ingest() {
        try (SearchIndex index = open()) {
            int all = index.sync(store).added();
            embedder.reset();
            store.useHandle(h -> h.execute(
                    "INSERT INTO incident (id, number, title, product_id, status, error_class, description, source, "
                            + "opened_at, updated_at) VALUES ('INC-2001', 2001, 'Stock levels job failed', "
                            + "'inventory.stock_levels', 'open', 'unknown', 'The snapshot job exited with a "
                            + "segmentation fault', 'openlineage', '2026-11-25T08:00:00Z', '2026-11-25T08:00:00Z')"));
            SyncResult opened = index.updateIncidents(store, List.of("INC-2001"));
            assertThat(opened.added()).isEqualTo(1);
            assertThat(embedder.reset()).isEqualTo(1);
            assertThat(ids(index, "segmentation fault", DocType.INCIDENT))
                    .first()
                    .isEqualTo("INC-2001");
            assertThat(index.search(
                            new SearchQuery("segmentation fault", Set.of(), Set.of("inventory"), 5, SearchMode.HYBRID)))
                    .extracting(SearchHit::id)
                    .contains("INC-2001");

            store.useHandle(h ->
                    h.execute("UPDATE incident SET root_cause = 'an out-of-memory kill on the worker', event_count = 2 "
                            + "WHERE id = 'INC-2001'"));
            SyncResult updated = index.updateIncidents(store, List.of("INC-2001", "INC-0969"));
            assertThat(updated)
                    .extracting(SyncResult::added, SyncResult::updated, SyncResult::unchanged)
                    .containsExactly(0, 1, 1);
            assertThat(embedder.reset()).isEqualTo(1);
            assertThat(ids(index, "out-of-memory kill", DocType.INCIDENT))
                    .first()
                    .isEqualTo("INC-2001");
            assertThat(index.count()).isEqualTo(all + 1);
        }
    }

    @Test
    void should_rebuild_everything_from_the_store() {
        try (SearchIndex index = open()) {
            int all = index.sync(store).added();
            embedder.reset();
            SyncResult r = index.rebuild(store);
            assertThat(r.added()).isEqualTo(all);
            assertThat(r.deleted()).isEqualTo(all);
            assertThat(embedder.reset()).isEqualTo(all);
            assertThat(index.count()).isEqualTo(all);
            assertThat(index.sync(store).unchanged()).isEqualTo(all);
        }
    }

    @Test
    void should_keep_the_index_across_a_restart() {
        int all;
        try (SearchIndex index = open()) {
            all = index.sync(store).added();
        }
        embedder.reset();
        try (SearchIndex index = open()) {
            assertThat(index.count()).isEqualTo(all);
            assertThat(ids(index, "broker disk", DocType.INCIDENT)).contains("INC-0964");
            assertThat(index.sync(store).unchanged()).isEqualTo(all);
            assertThat(embedder.reset()).isZero();
        }
    }

    @Test
    void should_re_embed_everything_when_the_model_changes() {
        try (SearchIndex index = open()) {
            index.sync(store);
        }
        Embedder other = new CountingEmbedder("another-model/384");
        try (SearchIndex index = SearchIndex.open(tmp.resolve("index"), other)) {
            assertThat(index.count()).isZero();
            SyncResult r = index.sync(store);
            assertThat(r.added()).isPositive();
            assertThat(r.unchanged()).isZero();
        }
    }

    @Test
    void should_serve_searches_while_a_rebuild_runs() throws Exception {
        try (SearchIndex index = open()) {
            int all = index.sync(store).added();
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger searches = new AtomicInteger();
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            List<Thread> readers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                readers.add(Thread.ofPlatform().start(() -> {
                    while (!done.get()) {
                        try {
                            List<SearchHit> hits = index.search(SearchQuery.of("revenue flash late"));
                            if (hits.isEmpty()) {
                                throw new AssertionError("no hits during the rebuild");
                            }
                            searches.incrementAndGet();
                        } catch (Throwable t) {
                            errors.add(t);
                            return;
                        }
                    }
                }));
            }
            index.rebuild(store);
            done.set(true);
            for (Thread t : readers) {
                t.join();
            }
            assertThat(errors).isEmpty();
            assertThat(searches.get()).isPositive();
            assertThat(index.count()).isEqualTo(all);
        }
    }
}
