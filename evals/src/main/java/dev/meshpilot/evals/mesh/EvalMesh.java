package dev.meshpilot.evals.mesh;

import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.mesh.lineage.LineageGraph;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.search.SearchIndex;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.warehouse.WarehouseBuilder;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.gate.AgentPolicy;
import dev.meshpilot.sandbox.gate.Gate;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.sql.ReadOnlySql;
import dev.meshpilot.sandbox.sql.SqlLimits;
import dev.meshpilot.tools.MeshTools;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.access.Principals;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * A loaded mesh in its own folder, with the sandbox an agent runs in: every mesh tool (SQL included) behind
 * a gate that allows each evaluated agent its own allowlist, and a real audit log. Not shared between
 * threads.
 */
public final class EvalMesh implements AutoCloseable {
    private final Path dir;
    private final SearchIndex index;
    private final AuditLog audit;
    private final Gate gate;
    private final Principals principals;

    EvalMesh(Path dir, MeshStore store, SearchIndex index, Map<String, Set<String>> allowlists) {
        this.dir = dir;
        this.index = index;
        LineageGraph graph = LineageGraph.load(store);
        MeshView view = new MeshView(store, () -> graph, () -> index);
        this.audit = AuditLog.open(dir.resolve("audit.db"));
        ReadOnlySql sql = ReadOnlySql.open(dir.resolve(WarehouseBuilder.FILE), SqlLimits.defaults());
        this.gate = new Gate(
                MeshTools.all(view, sql),
                a -> allowlists.containsKey(a) ? new AgentPolicy(a, allowlists.get(a)) : null,
                Limits.DEFAULT,
                audit);
        this.principals = new Principals(new Directory(store));
    }

    /** A runner over this mesh's gate with the given prompts. */
    public AgentRunner runner(PromptRegistry prompts) {
        return new AgentRunner(gate, prompts, Clock.systemUTC());
    }

    /** @throws dev.meshpilot.core.MeshpilotException for a principal the mesh does not know */
    public Principal principal(String id) {
        return principals.resolve(id);
    }

    public AuditLog audit() {
        return audit;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        audit.close();
        index.close();
    }
}
