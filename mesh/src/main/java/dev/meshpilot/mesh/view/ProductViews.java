package dev.meshpilot.mesh.view;

import dev.meshpilot.mesh.contract.Contracts;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.org.Team;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.product.Domain;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.mesh.store.LoadCache;
import dev.meshpilot.mesh.store.MeshStore;
import java.util.List;
import java.util.Optional;

/**
 * Builds {@link ProductView}s (and {@link Owner}s) from the store: the product, its domain's name, its team
 * and the current version of its contract. {@link #get} is served from memory between loads; thread-safe.
 *
 * <pre>{@code
 * ProductViews views = new ProductViews(store);
 * Optional<ProductView> view = views.get("finance.revenue_daily");
 * }</pre>
 */
public final class ProductViews {
    private final Products products;
    private final Contracts contracts;
    private final Directory directory;
    private final LoadCache<String, Optional<ProductView>> views;
    private final LoadCache<Boolean, List<ProductView>> all;

    public ProductViews(MeshStore store, Products products, Contracts contracts, Directory directory) {
        this.products = products;
        this.contracts = contracts;
        this.directory = directory;
        this.views = new LoadCache<>(store, id -> products.get(id).map(this::of));
        this.all = new LoadCache<>(
                store, k -> products.list().stream().map(this::of).toList());
    }

    public ProductViews(MeshStore store) {
        this(store, new Products(store), new Contracts(store), new Directory(store));
    }

    /**
     * The view of the product {@code id}, if there is one. Everything in it comes from the loaded workspace, so
     * it is built once per load ({@link LoadCache}): a read is then one primary-key row, the load stamp.
     */
    public Optional<ProductView> get(String id) {
        return views.get(id);
    }

    /** Whether the loaded workspace has a product {@code id} (as {@link #get}, from memory between loads). */
    public boolean exists(String id) {
        return get(id).isPresent();
    }

    /**
     * The view of every product, in the order {@link Products#list()} gives; built once per load like
     * {@link #get} (a sweep over ten thousand products must not rebuild ten thousand views per call).
     */
    public List<ProductView> list() {
        return all.get(Boolean.TRUE);
    }

    /** The view of {@code p}. */
    public ProductView of(DataProduct p) {
        Domain domain = products.domain(p.domain()).orElse(null);
        return new ProductView(
                p.id(),
                p.name(),
                p.description(),
                new ProductView.DomainRef(p.domain(), domain == null ? null : domain.name()),
                owner(p.domain(), p.owner()),
                p.criticality().wireName(),
                p.tags(),
                contract(p.contract()),
                p.outputPorts().stream()
                        .map(port -> new ProductView.Port(port.namespace(), port.name(), port.description()))
                        .toList(),
                p.slos().stream()
                        .map(s -> new ProductView.SloView(s.kind(), s.target(), s.description()))
                        .toList(),
                p.ownerDeclared());
    }

    /** The owner of a product of {@code domainId} owned by {@code teamId} (null: none declared). */
    public Owner owner(String domainId, String teamId) {
        Team team = teamId == null ? null : directory.team(teamId).orElse(null);
        Domain domain = products.domain(domainId).orElse(null);
        String chat = team != null && team.chat() != null ? team.chat() : domain == null ? null : domain.chat();
        String oncall = team != null && team.oncall() != null ? team.oncall() : domain == null ? null : domain.oncall();
        return new Owner(teamId, team == null ? null : team.name(), team == null ? null : team.email(), chat, oncall);
    }

    private ProductView.ContractRef contract(String id) {
        if (id == null) {
            return null;
        }
        Optional<Contracts.Version> current = contracts.currentVersion(id);
        return new ProductView.ContractRef(
                id,
                current.map(Contracts.Version::version).orElse(null),
                current.map(Contracts.Version::status).orElse(null),
                contracts.versions(id));
    }
}
