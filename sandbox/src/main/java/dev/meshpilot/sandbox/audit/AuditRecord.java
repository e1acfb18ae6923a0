package dev.meshpilot.sandbox.audit;

/**
 * A stored audit entry: its place in the chain ({@code seq}, from 1), the previous record's hash (64 zeros
 * for the first) and its own: SHA-256 over the sequence number, the previous hash and the entry's canonical
 * form. Immutable.
 */
public record AuditRecord(long seq, AuditEntry entry, String prevHash, String hash) {}
