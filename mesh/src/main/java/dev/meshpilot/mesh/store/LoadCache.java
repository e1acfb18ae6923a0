package dev.meshpilot.mesh.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values derived from the loaded workspace alone (products, domains, teams, contracts, principals: tables only
 * a workspace load writes), kept in memory until the next load. Each lookup reads the store's load stamp
 * ({@code mesh_info.loaded_at}, one primary-key row) and starts afresh when it changed, so a load by this
 * process or by another one ({@code meshpilot load} while a server runs) is seen by the next lookup. Never
 * use it for what ingest, alerts or incidents change. Bounded to {@link #MAX_ENTRIES} (then it starts
 * afresh), so asking for many unknown keys cannot grow it without end. Thread-safe.
 *
 * <pre>{@code
 * LoadCache<String, Optional<ProductView>> views = new LoadCache<>(store, id -> products.get(id).map(this::of));
 * Optional<ProductView> v = views.get("finance.revenue_daily");
 * }</pre>
 */
public final class LoadCache<K, V> {
    static final int MAX_ENTRIES = 50_000;

    private record Generation<K, V>(String stamp, Map<K, V> values) {}

    private final MeshStore store;
    private final Function<K, V> load;
    private volatile Generation<K, V> current = new Generation<>(null, Map.of());

    /** @param load computes a value from the store; it must not return null */
    public LoadCache(MeshStore store, Function<K, V> load) {
        this.store = store;
        this.load = load;
    }

    /** The value for {@code key} as of the store's current load. */
    public V get(K key) {
        String stamp = store.loadedAt();
        Generation<K, V> g = current;
        if (!stamp.equals(g.stamp()) || g.values().size() >= MAX_ENTRIES) {
            g = new Generation<>(stamp, new ConcurrentHashMap<>());
            current = g;
        }
        V known = g.values().get(key);
        if (known != null) {
            return known;
        }
        V value = load.apply(key);
        g.values().put(key, value);
        return value;
    }
}
