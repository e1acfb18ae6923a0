/**
 * The audit log: one append-only, hash-chained record per tool call, allowed or denied, in its own SQLite
 * file, durable before the call's result is returned.
 */
package dev.meshpilot.sandbox.audit;
