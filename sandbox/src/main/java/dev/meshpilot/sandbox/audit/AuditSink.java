package dev.meshpilot.sandbox.audit;

/**
 * Where the gate writes its audit records. {@link AuditLog} is the durable one; an implementation must
 * return only once the record is stored, with its sequence number, and throw when it cannot store it (the
 * gate then withholds the call's result). Implementations must be thread-safe.
 */
public interface AuditSink {
    AuditRecord append(AuditEntry entry);
}
