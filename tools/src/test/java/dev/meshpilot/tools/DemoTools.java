package dev.meshpilot.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.org.Directory;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.gate.AgentPolicy;
import dev.meshpilot.sandbox.gate.Gate;
import dev.meshpilot.sandbox.gate.Limits;
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
final class DemoTools implements AutoCloseable {
    static final Path DEMO = Path.of(System.getProperty("meshpilot.root", "../"), "examples", "acme-retail");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AGENT = "test-agent";

    final MeshStore store;
    final MeshView mesh;
    final AuditLog audit;
    final Principals principals;
    Gate gate;

    DemoTools(Path dir) {
        Assumptions.assumeTrue(Files.isDirectory(DEMO), "the demo mesh is not at " + DEMO);
        store = MeshStore.open(dir.resolve("meshpilot.db"));
        WorkspaceLoader.load(DEMO, store, Progress.NONE);
        mesh = new MeshView(store);
        audit = AuditLog.open(dir.resolve("audit.db"));
        principals = new Principals(new Directory(store));
    }

    /** Builds the gate over {@code tools}, all on the test agent's allowlist. */
    DemoTools with(List<? extends Tool> tools) {
        Set<String> names = tools.stream().map(t -> t.declaration().name()).collect(Collectors.toSet());
        gate = new Gate(tools, a -> a.equals(AGENT) ? new AgentPolicy(AGENT, names) : null, Limits.DEFAULT, audit);
        return this;
    }

    ToolResult call(String principal, String tool, String argsJson) {
        try {
            ToolContext ctx =
                    new ToolContext(principals.resolve(principal), AGENT, "run-" + System.nanoTime(), null, null);
            return gate.call(ctx, tool, JSON.readTree(argsJson));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Asserts that {@code result}'s data is valid against the tool's declared output schema. */
    void assertMatchesOutputSchema(String tool, ToolResult result) {
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
    }
}
