package dev.meshpilot.mesh.workspace;

import dev.meshpilot.mesh.contract.Contract;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.observed.ObservedGrant;
import dev.meshpilot.mesh.observed.ObservedRetention;
import dev.meshpilot.mesh.observed.ObservedSchema;
import dev.meshpilot.mesh.org.Channel;
import dev.meshpilot.mesh.org.MeshInfo;
import dev.meshpilot.mesh.org.Principal;
import dev.meshpilot.mesh.org.Role;
import dev.meshpilot.mesh.org.Team;
import dev.meshpilot.mesh.policy.Policy;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Domain;
import dev.meshpilot.mesh.runbook.Runbook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Everything read from a workspace folder, each item with the file and line it came from. */
public final class Workspace {
    final Path root;
    MeshInfo mesh;
    final List<Sourced<Team>> teams = Collections.synchronizedList(new ArrayList<>());
    final List<Sourced<Role>> roles = Collections.synchronizedList(new ArrayList<>());
    final List<Sourced<Principal>> principals = Collections.synchronizedList(new ArrayList<>());
    final List<Sourced<Channel>> channels = Collections.synchronizedList(new ArrayList<>());
    final List<Sourced<Domain>> domains = Collections.synchronizedList(new ArrayList<>());
    final List<Sourced<DataProduct>> products = Collections.synchronizedList(new ArrayList<>());
    final List<Sourced<Contract>> contracts = Collections.synchronizedList(new ArrayList<>());
    final List<Sourced<Policy>> policies = Collections.synchronizedList(new ArrayList<>());
    final List<Sourced<Runbook>> runbooks = Collections.synchronizedList(new ArrayList<>());
    final List<Sourced<Incident>> incidents = Collections.synchronizedList(new ArrayList<>());
    final List<Sourced<ObservedGrant>> grants = Collections.synchronizedList(new ArrayList<>());
    final List<Sourced<ObservedSchema>> schemas = Collections.synchronizedList(new ArrayList<>());
    final List<Sourced<ObservedRetention>> retention = Collections.synchronizedList(new ArrayList<>());
    final List<Sourced<dev.meshpilot.mesh.anomaly.AnomalyRule>> anomalyRules =
            Collections.synchronizedList(new ArrayList<>());
    final List<Path> eventFiles = Collections.synchronizedList(new ArrayList<>());

    Workspace(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public MeshInfo mesh() {
        return mesh;
    }

    public List<DataProduct> products() {
        return products.stream().map(Sourced::value).toList();
    }

    public List<Contract> contracts() {
        return contracts.stream().map(Sourced::value).toList();
    }

    public List<Path> eventFiles() {
        return List.copyOf(eventFiles);
    }
}
