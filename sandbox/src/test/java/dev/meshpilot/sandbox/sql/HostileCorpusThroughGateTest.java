package dev.meshpilot.sandbox.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.audit.AuditRecord;
import dev.meshpilot.sandbox.gate.AgentPolicy;
import dev.meshpilot.sandbox.gate.Gate;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Role;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.principal.ScopeGrant;
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.sandbox.tool.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hostile corpus through the whole gate: every input refused with a reason, and every refusal audited. */
class HostileCorpusThroughGateTest {
    @TempDir
    Path dir;

    @Test
    void should_refuse_and_audit_every_hostile_input_when_sent_through_the_gate() throws Exception {
        List<HostileCorpus.Case> corpus = HostileCorpus.read();
        ReadOnlySql sql = ReadOnlySql.open(TestWarehouse.build(dir, 1), SqlLimits.defaults());
        Tool tool = new Tool() {
            public ToolDeclaration declaration() {
                return ToolDeclaration.builder("sql.query", "Read-only SQL.", """
                        {"type":"object","properties":{"query":{"type":"string"}},"required":["query"]}""")
                        .scopes(Scope.SQL_READ)
                        .build();
            }

            public List<Resource> resources(JsonNode args) {
                return List.of();
            }

            public ToolOutput run(ToolContext context, JsonNode args) {
                SqlResult r =
                        sql.execute(TestWarehouse.masked(), args.get("query").asText());
                return r.ran()
                        ? ToolOutput.ok(JsonNodeFactory.instance
                                .objectNode()
                                .put("rows", r.rows().size()))
                        : new ToolOutput(ToolResult.Status.DENIED, null, r.reason(), List.of(), List.of());
            }
        };
        Principal analyst = new Principal(
                "analyst", Principal.Kind.USER, List.of(new Role("r", List.of(ScopeGrant.everywhere(Scope.SQL_READ)))));
        try (AuditLog audit = AuditLog.open(dir.resolve("audit.db"))) {
            Gate gate = new Gate(
                    List.of(tool),
                    a -> new AgentPolicy("cli", Set.of("sql.query")),
                    new Limits(10_000, 100_000, Duration.ofSeconds(5), 200, 64 * 1024),
                    audit);
            for (HostileCorpus.Case c : corpus) {
                ToolResult r = gate.call(
                        new ToolContext(analyst, "cli", "corpus", null, null),
                        "sql.query",
                        JsonNodeFactory.instance.objectNode().put("query", c.sql()));
                assertThat(r.status()).as(c.toString()).isEqualTo(ToolResult.Status.DENIED);
                assertThat(r.message()).as(c.toString()).isNotBlank();
            }
            List<AuditRecord> records = audit.tail(null, "sql.query", corpus.size() + 10);
            assertThat(records)
                    .hasSize(corpus.size())
                    .allSatisfy(rec -> assertThat(rec.entry().decision()).isEqualTo("denied"))
                    .allSatisfy(rec -> assertThat(rec.entry().reason()).isNotBlank());
            assertThat(audit.verify().valid()).isTrue();
        }
        assertThat(sql.executions()).isZero();
    }
}
