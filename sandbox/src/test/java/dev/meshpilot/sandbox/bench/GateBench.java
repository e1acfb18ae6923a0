package dev.meshpilot.sandbox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.audit.AuditRecord;
import dev.meshpilot.sandbox.audit.AuditSink;
import dev.meshpilot.sandbox.gate.AgentPolicy;
import dev.meshpilot.sandbox.gate.Gate;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Role;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The gate's cost per call with a tool that does nothing: {@code overhead} with an in-memory audit sink
 * (the pipeline alone: validate, authorize, budget, run on a virtual thread, cap, redact, fence),
 * {@code durable} and {@code durableThroughput} with the real SQLite audit log, durable before return.
 * Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
public class GateBench {
    static final ObjectMapper JSON = new ObjectMapper();

    Gate memoryGate;
    Gate durableGate;
    AuditLog log;
    Path dir;
    JsonNode args;
    ToolContext ctx;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("gate-bench");
        log = AuditLog.open(dir.resolve("audit.db"));
        Limits limits = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofSeconds(5), 200, 64 * 1024);
        AgentPolicy cli = new AgentPolicy("cli", Set.of("lookup"));
        memoryGate = new Gate(List.of(tool()), a -> cli, limits, new MemorySink());
        durableGate = new Gate(List.of(tool()), a -> cli, limits, log);
        args = JSON.readTree("{\"product\":\"sales.orders\"}");
        Principal p = new Principal(
                "ana",
                Principal.Kind.USER,
                List.of(new Role(
                        "r", List.of(ScopeGrant.everywhere(dev.meshpilot.sandbox.principal.Scope.CATALOG_READ)))));
        ctx = new ToolContext(p, "cli", "bench", null, null);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
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
    public ToolResult durable() {
        return durableGate.call(ctx, "lookup", args);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @org.openjdk.jmh.annotations.Threads(64)
    public ToolResult durableThroughput() {
        return durableGate.call(ctx, "lookup", args);
    }

    static Tool tool() {
        JsonNode data = JSON.createObjectNode().put("id", "sales.orders").put("name", "Orders");
        return new Tool() {
            public ToolDeclaration declaration() {
                return ToolDeclaration.builder("lookup", "Looks a product up.", """
                        {"type":"object","properties":{"product":{"type":"string"}},"required":["product"]}""")
                        .scopes(dev.meshpilot.sandbox.principal.Scope.CATALOG_READ)
                        .build();
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

        public AuditRecord append(dev.meshpilot.sandbox.audit.AuditEntry entry) {
            return new AuditRecord(seq.incrementAndGet(), entry, "", "");
        }
    }
}
