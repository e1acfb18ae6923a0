package dev.meshpilot.sandbox.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One tool call as the audit log records it. {@code argsDigest} is the SHA-256 of the canonical arguments,
 * never the arguments themselves (they may hold PII). {@code decision} is the result status
 * ({@code ok}, {@code denied}, {@code error}, ...).
 */
public record AuditEntry(
        Instant time,
        String principal,
        String agent,
        String runId,
        String tool,
        String argsDigest,
        String decision,
        String reason,
        long durationMicros,
        long outputBytes,
        String promptVersion) {
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(decision, "decision");
    }

    /** The text the record's hash covers, after the sequence number and the previous hash. */
    String canonical() {
        return String.join(
                "\u001f",
                time.toString(),
                principal,
                str(agent),
                str(runId),
                tool,
                str(argsDigest),
                decision,
                str(reason),
                Long.toString(durationMicros),
                Long.toString(outputBytes),
                str(promptVersion));
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
