/**
 * {@code sql.query}: read-only SQL over the mesh's warehouse, as the caller, through the sandbox's
 * {@link dev.meshpilot.sandbox.sql.ReadOnlySql}.
 */
package dev.meshpilot.tools.sql;
