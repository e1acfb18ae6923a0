/**
 * The migration agent ({@code meshpilot migrate}, MCP tool {@code draft_migration}): a proposed contract version
 * against the active one — every change classified by a named rule, the version bump checked, the consumers
 * affected down to the column, an expand/contract migration for SQLite and PostgreSQL verified on a scratch
 * database, a draft notice and a deprecation timeline. The diff, plan and verification live in
 * {@code dev.meshpilot.mesh.migration}; this package runs the tool calls and writes the report.
 */
package dev.meshpilot.agents.migration;
