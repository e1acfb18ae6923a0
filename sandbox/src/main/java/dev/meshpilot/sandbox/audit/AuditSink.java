package dev.meshpilot.sandbox.audit;

/**
 * Where the gate writes its audit records. {@link AuditLog} is the durable one; an implementation must
 * return only once the record is stored, with its sequence number.
 */
public interface AuditSink {
    AuditRecord append(AuditEntry entry);
}
