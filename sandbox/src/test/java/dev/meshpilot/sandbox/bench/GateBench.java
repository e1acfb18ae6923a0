package dev.meshpilot.sandbox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.sandbox.audit.AuditEntry;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.audit.AuditRecord;
import dev.meshpilot.sandbox.audit.AuditSink;
import dev.meshpilot.sandbox.audit.Durability;
import dev.meshpilot.sandbox.gate.AgentPolicy;
import dev.meshpilot.sandbox.gate.Gate;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.ScopeGrant;
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.sandbox.tool.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The gate's cost per call with a tool that does nothing but return a small constant object: every step
 * runs (schema validation, allowlist, scope check, budget, virtual thread with timeout, caps, redaction,
 * secret scan, fencing, argument digest, audit). {@code overhead*} audit to an in-memory sink: the pipeline
 * alone, from a platform-thread caller (JMH's default) and from a virtual-thread caller (as Helidon's request
 * handlers are). {@code durable*} audit to a real SQLite log in a temp file and return once the record is
 * committed. Not run by the tests; see {@link GateBenchMain} and docs/sandbox.md for the command.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class GateBench {
    static final ObjectMapper JSON = new ObjectMapper();

    Gate memoryGate;
    Gate fullGate;
    Gate normalGate;
    AuditLog fullLog;
    AuditLog normalLog;
    Path dir;
    JsonNode args;
    ToolContext ctx;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("gate-bench");
        fullLog = AuditLog.open(dir.resolve("full.db"), Durability.FULL);
        normalLog = AuditLog.open(dir.resolve("normal.db"), Durability.NORMAL);
        Limits limits = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofSeconds(5), 200, 64 * 1024);
        List<Tool> tools = List.of(tool());
        memoryGate = new Gate(tools, a -> AgentPolicy.of("cli", "lookup"), limits, new MemorySink());
        fullGate = new Gate(tools, a -> AgentPolicy.of("cli", "lookup"), limits, fullLog);
        normalGate = new Gate(tools, a -> AgentPolicy.of("cli", "lookup"), limits, normalLog);
        args = JSON.readTree("{\"product\":\"sales.orders\"}");
        Principal p = Principal.withGrants(
                "ana",
                Principal.Kind.USER,
                List.of(ScopeGrant.everywhere(dev.meshpilot.sandbox.principal.Scope.CATALOG_READ)));
        ctx = new ToolContext(p, "cli", "bench", null, null);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws java.io.IOException {
        fullLog.close();
        normalLog.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ToolResult overhead() {
        return memoryGate.call(ctx, "lookup", args);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Fork(
            value = 1,
            jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djmh.executor=VIRTUAL"})
    public ToolResult overheadVirtualCaller() {
        return memoryGate.call(ctx, "lookup", args);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ToolResult durableFull() {
        return fullGate.call(ctx, "lookup", args);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ToolResult durableNormal() {
        return normalGate.call(ctx, "lookup", args);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(64)
    public ToolResult durableFullThroughput() {
        return fullGate.call(ctx, "lookup", args);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(64)
    @Fork(
            value = 1,
            jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djmh.executor=VIRTUAL"})
    public ToolResult durableFullThroughputVirtualCallers() {
        return fullGate.call(ctx, "lookup", args);
    }

    static Tool tool() {
        JsonNode data = JSON.createObjectNode().put("id", "sales.orders").put("name", "Orders");
        ToolDeclaration declaration = ToolDeclaration.builder("lookup", "Looks a product up.", """
                {"type":"object","properties":{"product":{"type":"string"}},"required":["product"]}""")
                .scopes(dev.meshpilot.sandbox.principal.Scope.CATALOG_READ)
                .build();
        return new Tool() {
            public ToolDeclaration declaration() {
                return declaration;
            }

            public List<Resource> resources(JsonNode a) {
                return List.of(Resource.product("sales", a.get("product").asText()));
            }

            public ToolOutput run(ToolContext c, JsonNode a) {
                return ToolOutput.ok(data);
            }
        };
    }

    /** Keeps only a counter: the gate's own work without the disk. */
    static final class MemorySink implements AuditSink {
        final AtomicLong seq = new AtomicLong();

        public AuditRecord append(AuditEntry entry) {
            return new AuditRecord(seq.incrementAndGet(), entry, "", "");
        }
    }
}
