package dev.meshpilot.server.wiring;

import dev.meshpilot.mesh.contract.Contracts;
import dev.meshpilot.mesh.incident.Incidents;
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
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.server.mcp.resource.ContractReadTool;
import dev.meshpilot.server.mcp.resource.IncidentReadTool;
import dev.meshpilot.server.mcp.resource.ProductReadTool;
import dev.meshpilot.server.mcp.resource.RunbookReadTool;
import dev.meshpilot.server.mcp.resource.RunbookStore;
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
    /**
     * What each front end or agent may call; deny by default for anything not listed. {@code mcp} is what MCP
     * clients are offered as tools; {@code mcp-resources} holds the read tools behind MCP resources, which
     * are not offered as tools.
     */
    static final Map<String, AgentPolicy> AGENTS = Map.of(
            "cli",
            new AgentPolicy("cli", Set.of("sql.query")),
            "mcp",
            new AgentPolicy("mcp", Set.of("sql.query")),
            "mcp-resources",
            new AgentPolicy(
                    "mcp-resources",
                    Set.of(ProductReadTool.NAME, ContractReadTool.NAME, IncidentReadTool.NAME, RunbookReadTool.NAME)));

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
        List<Tool> tools = List.of(
                sqlTool,
                new ProductReadTool(new Products(store)),
                new ContractReadTool(new Contracts(store)),
                new IncidentReadTool(new Incidents(store)),
                new RunbookReadTool(new RunbookStore(store)));
        Gate gate = new Gate(tools, AGENTS::get, Limits.DEFAULT, audit);
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
