package dev.meshpilot.sandbox.gate;

import dev.meshpilot.sandbox.audit.AuditLog;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Role;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.principal.ScopeGrant;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A gate over the test tools with a real audit log in a temp file, and three principals. */
abstract class GateFixture {
    static final Principal STEWARD = new Principal(
            "carmen",
            Principal.Kind.USER,
            List.of(new Role(
                    "steward",
                    List.of(
                            new ScopeGrant(Scope.SQL_READ, List.of("customers"), List.of()),
                            ScopeGrant.everywhere(Scope.CATALOG_READ),
                            new ScopeGrant(Scope.PII_READ, List.of(), List.of("customers.profile"))))));
    static final Principal ANALYST = new Principal(
            "priya",
            Principal.Kind.USER,
            List.of(new Role(
                    "analyst",
                    List.of(
                            new ScopeGrant(Scope.SQL_READ, List.of("customers"), List.of()),
                            ScopeGrant.everywhere(Scope.CATALOG_READ)))));
    static final Principal OUTSIDER = new Principal("otto", Principal.Kind.USER, List.of());
    static final Set<String> CLI_TOOLS =
            Set.of("customers", "noop", "sleeper", "drop_table", "failing", "profile_table", "leaky", "empty");

    @TempDir
    Path tmp;

    AuditLog audit;
    Gate gate;
    final CountDownLatch sleeperCancelled = new CountDownLatch(1);

    @BeforeEach
    void openGate() {
        audit = AuditLog.open(tmp.resolve("audit.db"));
        Map<String, AgentPolicy> agents =
                Map.of("cli", new AgentPolicy("cli", CLI_TOOLS), "triage", AgentPolicy.of("triage", "noop"));
        gate = new Gate(
                List.of(
                        TestTools.customers(),
                        TestTools.noop("noop"),
                        TestTools.sleeper(sleeperCancelled),
                        TestTools.writer(),
                        TestTools.failing(),
                        TestTools.profileTable(),
                        TestTools.leaky(),
                        TestTools.empty()),
                agents::get,
                new Limits(3, 1000, Duration.ofMillis(300), 100, 64 * 1024),
                audit);
    }

    @AfterEach
    void closeAudit() {
        audit.close();
    }

    static ToolContext as(Principal p, String agent, String run) {
        return new ToolContext(p, agent, run, null, null);
    }

    ToolResult call(Principal p, String tool, String args) {
        return gate.call(as(p, "cli", "r-" + p.id() + "-" + tool), tool, TestTools.json(args));
    }

    ToolResult customers(Principal p) {
        return call(p, "customers", "{\"product\":\"customers.profile\"}");
    }
}
