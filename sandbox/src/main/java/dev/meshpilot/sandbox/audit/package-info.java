/**
 * The audit log: one append-only, hash-chained record per tool call, allowed or denied, in its own SQLite
 * file or in PostgreSQL (one chain shared by every replica), durable before the call's result is returned ({@link dev.meshpilot.sandbox.audit.AuditLog}), with
 * {@code tail} and a {@code verify} that names the first broken link.
 */
package dev.meshpilot.sandbox.audit;
