package dev.meshpilot.server.wiring;

import dev.meshpilot.agents.Agents;
import dev.meshpilot.agents.catalog.Catalog;
import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.mesh.contract.Contracts;
import dev.meshpilot.mesh.incident.Incidents;
import dev.meshpilot.mesh.lineage.LineageGraph;
import dev.meshpilot.mesh.openlineage.IngestResult;
import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.runbook.Runbooks;
import dev.meshpilot.mesh.search.MiniLmEmbedder;
import dev.meshpilot.mesh.search.SearchIndex;
import dev.meshpilot.mesh.search.SyncResult;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.warehouse.WarehouseBuilder;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.gate.AgentPolicy;
import dev.meshpilot.sandbox.gate.Gate;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.sandbox.sql.ReadOnlySql;
import dev.meshpilot.sandbox.sql.SqlLimits;
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.server.mcp.resource.ContractReadTool;
import dev.meshpilot.server.mcp.resource.IncidentReadTool;
import dev.meshpilot.server.mcp.resource.ProductReadTool;
import dev.meshpilot.server.mcp.resource.RunbookReadTool;
import dev.meshpilot.tools.MeshTools;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.access.Principals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sandbox of one home folder: the gate over every mesh tool, the agents' allowlists, the audit log
 * ({@code <home>/audit.db}, or PostgreSQL when {@code MESHPILOT_STORE_URL} names one), the principals of the loaded workspace, the agent runner, and — made on first
 * use — the lineage graph and the search index ({@code <home>/index}). Close it to flush the audit log and
 * release the index.
 */
public final class Sandbox implements AutoCloseable {
    /** The search index's folder under the home. */
    static final String INDEX = "index";

    private final AuditLog audit;
    private final Gate gate;
    private final Principals principals;
    private final MeshView mesh;
    private final Lazy<LineageGraph> graph;
    private final Lazy<SearchIndex> index;
    private final Lazy<AgentRunner> runner;
    private final Catalog catalog;

    private Sandbox(
            Catalog catalog,
            AuditLog audit,
            Gate gate,
            Principals principals,
            MeshView mesh,
            Lazy<LineageGraph> graph,
            Lazy<SearchIndex> index) {
        this.catalog = catalog;
        this.audit = audit;
        this.gate = gate;
        this.principals = principals;
        this.mesh = mesh;
        this.graph = graph;
        this.index = index;
        // made on first use: commands that run no agent (sql, search, load, index) skip reading the prompts
        this.runner = new Lazy<>(() -> new AgentRunner(gate, PromptRegistry.bundled(), Clock.systemUTC()));
    }

    public static Sandbox open(Path home, MeshStore store) {
        return open(home, store, Limits.DEFAULT);
    }

    /** A sandbox whose gate has other limits (benchmarks lift the per-principal rate limit). */
    public static Sandbox open(Path home, MeshStore store, Limits limits) {
        return open(home, store, limits, Agents.catalog());
    }

    /** A sandbox whose gate knows the agents of {@code catalog} (tests register agents of their own). */
    public static Sandbox open(Path home, MeshStore store, Limits limits, Catalog catalog) {
        AuditLog audit = AuditLog.forHome(home);
        ReadOnlySql sql = ReadOnlySql.open(home.resolve(WarehouseBuilder.FILE), SqlLimits.defaults());
        Lazy<LineageGraph> graph = new Lazy<>(() -> LineageGraph.load(store));
        Lazy<SearchIndex> index = new Lazy<>(() -> openIndex(home, store));
        LoadWatch watch = new LoadWatch(store, graph, index);
        MeshView mesh = new MeshView(store, watch::graph, watch::index);
        List<Tool> tools = new java.util.ArrayList<>(MeshTools.all(mesh, sql));
        // the read tools behind MCP resources (mesh://products/{id}, ...), audited like any tool call
        tools.addAll(List.of(
                new ProductReadTool(mesh.productViews()),
                new ContractReadTool(new Contracts(store)),
                new IncidentReadTool(new Incidents(store)),
                new RunbookReadTool(new Runbooks(store))));
        Map<String, AgentPolicy> agents = agents(tools, catalog);
        Gate gate = new Gate(tools, agents::get, limits, audit);
        return new Sandbox(catalog, audit, gate, new Principals(new Directory(store)), mesh, graph, index);
    }

    /**
     * What each front end or agent may call; deny by default for anything not listed. The CLI, MCP and chat act
     * for a person, who may call every mesh tool their grants allow; {@code mcp-resources} holds the read tools
     * behind MCP resources, which are not offered as tools; each agent of the catalog gets its own allowlist.
     */
    static Map<String, AgentPolicy> agents(List<Tool> tools, Catalog catalog) {
        Set<String> resources =
                Set.of(ProductReadTool.NAME, ContractReadTool.NAME, IncidentReadTool.NAME, RunbookReadTool.NAME);
        Set<String> all = tools.stream()
                .map(t -> t.declaration().name())
                .filter(n -> !resources.contains(n))
                .collect(Collectors.toUnmodifiableSet());
        Map<String, AgentPolicy> out = new java.util.HashMap<>();
        catalog.allowlists().forEach((name, allowed) -> out.put(name, new AgentPolicy(name, allowed)));
        out.put("cli", new AgentPolicy("cli", all));
        out.put("mcp", new AgentPolicy("mcp", all));
        out.put("chat", new AgentPolicy("chat", all));
        out.put("mcp-resources", new AgentPolicy("mcp-resources", resources));
        return Map.copyOf(out);
    }

    /**
     * Re-indexes incidents a command opened or updated (what {@link #committed} does for a server) in the home's
     * search index, when the home has one; empty when it has none ({@code load --no-index}: {@code index sync}
     * builds it later).
     */
    public static Optional<SyncResult> updateIncidents(Path home, MeshStore store, Collection<String> ids) {
        if (ids.isEmpty() || !Files.isDirectory(home.resolve(INDEX))) {
            return Optional.empty();
        }
        try (SearchIndex index = openIndex(home, store)) {
            return Optional.of(index.updateIncidents(store, ids));
        }
    }

    /**
     * Brings the home's search index in line with the store (creating it on first use) and says what that did:
     * on a fresh home every document is "added", not "unchanged" after a hidden first fill.
     */
    public static SyncResult syncIndex(Path home, MeshStore store) {
        try (SearchIndex index = SearchIndex.open(home.resolve(INDEX), new MiniLmEmbedder())) {
            return index.sync(store);
        }
    }

    /** Opens the index; an empty one (first use, or after a crash) is filled from the store. */
    private static SearchIndex openIndex(Path home, MeshStore store) {
        SearchIndex index = SearchIndex.open(home.resolve(INDEX), new MiniLmEmbedder());
        if (index.count() == 0) {
            index.sync(store);
        }
        return index;
    }

    /** Keeps the graph and the index current after committed events (those made already; others load fresh). */
    public void committed(List<RunEvent> events, IngestResult result) {
        graph.ifMade().ifPresent(g -> g.apply(events));
        if (!result.incidentIds().isEmpty()) {
            index.ifMade().ifPresent(i -> i.updateIncidents(mesh.store(), result.incidentIds()));
        }
    }

    /** Re-indexes incidents an alert opened or updated (if the index is open; else it loads fresh). */
    public void incidentsTouched(List<String> ids) {
        if (!ids.isEmpty()) {
            index.ifMade().ifPresent(i -> i.updateIncidents(mesh.store(), ids));
        }
    }

    public Gate gate() {
        return gate;
    }

    public AuditLog audit() {
        return audit;
    }

    public Principals principals() {
        return principals;
    }

    public MeshView mesh() {
        return mesh;
    }

    public SearchIndex index() {
        return index.get();
    }

    /** The agents this sandbox's gate has allowlists for. */
    public Catalog catalog() {
        return catalog;
    }

    public AgentRunner runner() {
        return runner.get();
    }

    @Override
    public void close() {
        audit.close();
        index.ifMade().ifPresent(SearchIndex::close);
    }
}
