package dev.meshpilot.tools;

import dev.meshpilot.mesh.activity.Activity;
import dev.meshpilot.mesh.contract.Contracts;
import dev.meshpilot.mesh.incident.Incidents;
import dev.meshpilot.mesh.observed.Observations;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.policy.Policies;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.mesh.runbook.Runbooks;
import dev.meshpilot.mesh.store.MeshStore;

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

    public MeshView(MeshStore store) {
        this.store = store;
        this.products = new Products(store);
        this.contracts = new Contracts(store);
        this.incidents = new Incidents(store);
        this.runbooks = new Runbooks(store);
        this.policies = new Policies(store);
        this.observations = new Observations(store);
        this.activity = new Activity(store);
        this.directory = new Directory(store);
    }

    public MeshStore store() {
        return store;
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

    public Directory directory() {
        return directory;
    }
}
