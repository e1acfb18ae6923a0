package dev.meshpilot.mesh.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.mesh.view.ProductViews;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values kept between loads: computed once per load, recomputed after a load by this process or by another one
 * (a second store on the same file stands for {@code meshpilot load} run beside a server), never stale.
 */
class LoadCacheTest {
    static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");

    @TempDir
    Path tmp;

    @Test
    void should_compute_a_value_once_between_loads_and_again_after_a_load_by_another_process() {
        MeshStore server = MeshStore.open(tmp.resolve("meshpilot.db"));
        WorkspaceLoader.load(DEMO, server, Progress.NONE);
        AtomicInteger computed = new AtomicInteger();
        LoadCache<String, String> cache = new LoadCache<>(server, id -> id + "#" + computed.incrementAndGet());

        String first = cache.get("orders.orders_daily");
        assertThat(cache.get("orders.orders_daily")).isEqualTo(first);
        assertThat(computed).hasValue(1);

        MeshStore other = MeshStore.open(tmp.resolve("meshpilot.db"));
        other.useHandle(h -> h.execute("UPDATE mesh_info SET loaded_at = '2099-01-01T00:00:00Z' WHERE id = 1"));

        assertThat(cache.get("orders.orders_daily")).isNotEqualTo(first);
        assertThat(computed).hasValue(2);
        assertThat(server.loadedAt()).isEqualTo("2099-01-01T00:00:00Z");
    }

    @Test
    void should_keep_values_when_something_other_than_a_load_is_committed() {
        MeshStore store = MeshStore.open(tmp.resolve("meshpilot.db"));
        WorkspaceLoader.load(DEMO, store, Progress.NONE);
        AtomicInteger computed = new AtomicInteger();
        LoadCache<String, Integer> cache = new LoadCache<>(store, id -> computed.incrementAndGet());
        String stamp = store.loadedAt();

        cache.get("x");
        // an ingest-like write: committed by another connection, the load stamp unchanged
        store.useHandle(h -> h.execute("UPDATE incident SET status = status"));
        cache.get("x");

        assertThat(store.loadedAt()).isEqualTo(stamp);
        assertThat(computed).hasValue(1);
    }

    @Test
    void should_show_a_changed_product_after_reloading_a_changed_workspace() {
        MeshStore store = MeshStore.open(tmp.resolve("meshpilot.db"));
        WorkspaceLoader.load(DEMO, store, Progress.NONE);
        ProductViews views = new ProductViews(store);
        Optional<ProductView> before = views.get("finance.revenue_daily");
        assertThat(before).isPresent();

        // as a reload that drops the product would: the product gone and a new stamp
        MeshStore other = MeshStore.open(tmp.resolve("meshpilot.db"));
        other.useHandle(h -> {
            h.execute("PRAGMA foreign_keys = OFF");
            h.execute("DELETE FROM product WHERE id = 'finance.revenue_daily'");
            h.execute("UPDATE mesh_info SET loaded_at = '2099-01-01T00:00:00Z' WHERE id = 1");
        });

        assertThat(views.get("finance.revenue_daily")).isEmpty();
        assertThat(views.exists("finance.revenue_daily")).isFalse();
        assertThat(views.exists("orders.orders_daily")).isTrue();
    }

    @Test
    void should_read_an_empty_stamp_before_any_load() {
        MeshStore store = MeshStore.open(tmp.resolve("empty.db"));

        assertThat(store.loadedAt()).isEmpty();
    }
}
