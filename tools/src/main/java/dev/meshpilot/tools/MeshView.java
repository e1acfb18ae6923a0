package dev.meshpilot.tools;

import dev.meshpilot.mesh.activity.Activity;
import dev.meshpilot.mesh.activity.HistoryCache;
import dev.meshpilot.mesh.contract.Contracts;
import dev.meshpilot.mesh.incident.Incidents;
import dev.meshpilot.mesh.lineage.LineageGraph;
import dev.meshpilot.mesh.observed.Observations;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.policy.Policies;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.mesh.runbook.Runbooks;
import dev.meshpilot.mesh.search.SearchIndex;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.view.ProductViews;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the mesh tools read: the store's readers, the live lineage graph and the search index of one home
 * folder. Tools get their data only from here; agents get it only from tools.
 */
public final class MeshView {
    private final MeshStore store;
    private final Products products;
    private final Contracts contracts;
    private final Incidents incidents;
    private final Runbooks runbooks;
    private final Policies policies;
    private final Observations observations;
    private final Activity activity;
    private final Directory directory;
    private final ProductViews productViews;
    private final HistoryCache histories;
    private final Supplier<LineageGraph> lineage;
    private final Supplier<SearchIndex> search;

    /**
     * @param lineage the current lineage graph (the server swaps it when a workspace is reloaded)
     * @param search the search index of the home folder (opened on first use)
     */
    public MeshView(MeshStore store, Supplier<LineageGraph> lineage, Supplier<SearchIndex> search) {
        this.store = store;
        this.lineage = lineage;
        this.search = search;
        this.products = new Products(store);
        this.contracts = new Contracts(store);
        this.incidents = new Incidents(store);
        this.runbooks = new Runbooks(store);
        this.policies = new Policies(store);
        this.observations = new Observations(store);
        this.activity = new Activity(store);
        this.directory = new Directory(store);
        this.productViews = new ProductViews(store, products, contracts, directory);
        this.histories = new HistoryCache(store);
    }

    public MeshStore store() {
        return store;
    }

    /** The one JSON view of a product (and its owner) that tools, MCP resources and REST share. */
    public ProductViews productViews() {
        return productViews;
    }

    public Products products() {
        return products;
    }

    public Contracts contracts() {
        return contracts;
    }

    public Incidents incidents() {
        return incidents;
    }

    public Runbooks runbooks() {
        return runbooks;
    }

    public Policies policies() {
        return policies;
    }

    public Observations observations() {
        return observations;
    }

    public Activity activity() {
        return activity;
    }

    /** Every product's recorded series, kept in memory between sweeps and following the store's changes. */
    public HistoryCache histories() {
        return histories;
    }

    public Directory directory() {
        return directory;
    }

    public LineageGraph lineage() {
        return lineage.get();
    }

    public SearchIndex search() {
        return search.get();
    }

    /**
     * The instant the mesh is judged at: the workspace's {@code asOf} when it declares one (a frozen demo or
     * a replayed incident), else now.
     */
    public Instant asOf() {
        return store.asOf().orElseGet(Instant::now);
    }

    private record Cached(String stamp, java.util.Map<String, Products.Summary> summaries) {}

    private volatile Cached cached;

    /**
     * Criticality and owner of the products with these ids, from an in-memory copy of every product's summary
     * that is read again after each workspace load (ranking thousands of consumers must not query thousands
     * of rows).
     */
    public java.util.Map<String, Products.Summary> summaries(java.util.Collection<String> ids) {
        String stamp = store.loadedAt();
        Cached c = cached;
        if (c == null || !c.stamp().equals(stamp)) {
            c = new Cached(stamp, products.summaries());
            cached = c;
        }
        java.util.Map<String, Products.Summary> out = new java.util.HashMap<>();
        for (String id : ids) {
            Products.Summary s = c.summaries().get(id);
            if (s != null) {
                out.put(id, s);
            }
        }
        return out;
    }

    /** The product whose contract {@code contractId} is, if one declares it. */
    public Optional<String> contractOwner(String contractId) {
        return products.withContract(contractId);
    }
}
