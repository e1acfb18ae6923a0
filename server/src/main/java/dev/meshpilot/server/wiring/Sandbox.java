package dev.meshpilot.server.wiring;

import dev.meshpilot.mesh.contract.Contracts;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.warehouse.WarehouseBuilder;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.gate.AgentPolicy;
import dev.meshpilot.sandbox.gate.Gate;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.sandbox.sql.ReadOnlySql;
import dev.meshpilot.sandbox.sql.SqlLimits;
import dev.meshpilot.tools.access.Principals;
import dev.meshpilot.tools.sql.SqlQueryTool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox of one home folder: the gate over the mesh tools, the agents' allowlists, the audit log
 * ({@code <home>/audit.db}) and the principals of the loaded workspace. Close it to flush the audit log.
 */
public final class Sandbox implements AutoCloseable {
    /** What each front end or agent may call; deny by default for anything not listed. */
    static final Map<String, AgentPolicy> AGENTS = Map.of("cli", new AgentPolicy("cli", Set.of("sql.query")));

    private final AuditLog audit;
    private final Gate gate;
    private final Principals principals;

    private Sandbox(AuditLog audit, Gate gate, Principals principals) {
        this.audit = audit;
        this.gate = gate;
        this.principals = principals;
    }

    public static Sandbox open(Path home, MeshStore store) {
        AuditLog audit = AuditLog.open(home.resolve("audit.db"));
        ReadOnlySql sql = ReadOnlySql.open(home.resolve(WarehouseBuilder.FILE), SqlLimits.defaults());
        SqlQueryTool sqlTool = new SqlQueryTool(sql, new Products(store), new Contracts(store));
        Gate gate = new Gate(List.of(sqlTool), AGENTS::get, Limits.DEFAULT, audit);
        return new Sandbox(audit, gate, new Principals(new Directory(store)));
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

    @Override
    public void close() {
        audit.close();
    }
}
