package dev.meshpilot.sandbox.audit;

/** A stored audit entry: its place in the chain, the previous record's hash and its own. */
public record AuditRecord(long seq, AuditEntry entry, String prevHash, String hash) {}
