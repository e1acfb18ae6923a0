package dev.meshpilot.sandbox.audit;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/** A fresh log of ten records on the engine under test, for the behaviour tests every engine runs. */
abstract class AuditFixture {
    AuditEngine engine;

    /** A fresh, empty log of the engine under test. */
    abstract AuditEngine freshEngine() throws Exception;

    @BeforeEach
    void fill() throws Exception {
        engine = freshEngine();
        try (AuditLog log = engine.open()) {
            for (int i = 0; i < 10; i++) {
                log.append(entry("alice", "tool_" + (i % 3), "ok"));
            }
        }
    }

    static AuditEntry entry(String principal, String tool, String decision) {
        return entry(principal, tool, decision, "run-1");
    }

    static AuditEntry entry(String principal, String tool, String decision, String runId) {
        return new AuditEntry(
                Instant.parse("2026-11-25T09:00:00Z"),
                principal,
                "cli",
                runId,
                tool,
                "d",
                decision,
                null,
                12,
                34,
                null);
    }

    VerifyResult verify() {
        try (AuditLog log = engine.open()) {
            return log.verify();
        }
    }
}
