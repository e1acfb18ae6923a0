package dev.meshpilot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.lineage.LineageGraph;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.search.MiniLmEmbedder;
import dev.meshpilot.mesh.search.SearchIndex;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.warehouse.WarehouseBuilder;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.gate.AgentPolicy;
import dev.meshpilot.sandbox.gate.Gate;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.sandbox.sql.ReadOnlySql;
import dev.meshpilot.sandbox.sql.SqlLimits;
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolResult;
import dev.meshpilot.tools.access.Principals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The demo mesh (examples/acme-retail) loaded into a temp store, with a gate over the given tools whose
 * audit log is a real SQLite file. Shared by the tool tests; one per test class.
 */
public final class DemoTools implements AutoCloseable {
    public static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");
    static final ObjectMapper JSON = new ObjectMapper();
    public static final String AGENT = "test-agent";

    public final MeshStore store;
    public final MeshView mesh;
    public final LineageGraph graph;
    public final SearchIndex search;
    public final AuditLog audit;
    public final Principals principals;
    public Gate gate;

    public DemoTools(Path dir) {
        this(dir, DEMO);
    }

    /** Any workspace (a changed copy of the demo, a generated mesh) loaded the same way. */
    public DemoTools(Path dir, Path workspace) {
        Assumptions.assumeTrue(Files.isDirectory(workspace), "the workspace is not at " + workspace);
        store = MeshStore.open(dir.resolve("meshpilot.db"));
        WorkspaceLoader.load(workspace, store, Progress.NONE);
        graph = LineageGraph.load(store);
        search = SearchIndex.open(dir.resolve("index"), new MiniLmEmbedder());
        search.sync(store);
        mesh = new MeshView(store, () -> graph, () -> search);
        audit = AuditLog.open(dir.resolve("audit.db"));
        principals = new Principals(new Directory(store));
    }

    /** Every tool, {@code sql.query} included over the demo warehouse built into {@code dir}. */
    public List<Tool> allTools(Path dir) {
        Path target = dir.resolve(WarehouseBuilder.FILE);
        WarehouseBuilder.publish(WarehouseBuilder.build(WarehouseBuilder.scripts(DEMO), target), target);
        return MeshTools.all(mesh, ReadOnlySql.open(target, SqlLimits.defaults()));
    }

    /** Builds the gate over {@code tools}, all on the test agent's allowlist. */
    public DemoTools with(List<? extends Tool> tools) {
        return with(tools, java.util.Map.of());
    }

    /** Builds the gate over {@code tools}: all on the test agent's allowlist, and these agents' allowlists. */
    public DemoTools with(List<? extends Tool> tools, java.util.Map<String, Set<String>> agents) {
        return with(tools, agents, Limits.DEFAULT);
    }

    /** As {@link #with(List, java.util.Map)}, the gate held to {@code limits}. */
    public DemoTools with(List<? extends Tool> tools, java.util.Map<String, Set<String>> agents, Limits limits) {
        Set<String> names = tools.stream().map(t -> t.declaration().name()).collect(Collectors.toSet());
        gate = new Gate(
                tools,
                a -> a.equals(AGENT)
                        ? new AgentPolicy(AGENT, names)
                        : agents.containsKey(a) ? new AgentPolicy(a, agents.get(a)) : null,
                limits,
                audit);
        return this;
    }

    public ToolResult call(String principal, String tool, String argsJson) {
        try {
            ToolContext ctx =
                    new ToolContext(principals.resolve(principal), AGENT, "run-" + System.nanoTime(), null, null);
            return gate.call(ctx, tool, JSON.readTree(argsJson));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Asserts that {@code result}'s data is valid against the tool's declared output schema. */
    public void assertMatchesOutputSchema(String tool, ToolResult result) {
        ToolDeclaration d = gate.declarations(AGENT).stream()
                .filter(x -> x.name().equals(tool))
                .findFirst()
                .orElseThrow();
        assertThat(d.outputSchema()).as("output schema of " + tool).isNotNull();
        JsonNode data = result.data();
        assertThat(data)
                .as(tool + " data (" + result.status() + ": " + result.message() + ")")
                .isNotNull();
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(d.outputSchema().toString(), InputFormat.JSON);
        assertThat(schema.validate(data.toString(), InputFormat.JSON))
                .as(tool + " output against its schema: " + data)
                .isEmpty();
    }

    @Override
    public void close() {
        audit.close();
        search.close();
    }
}
