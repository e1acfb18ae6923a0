/**
 * The mesh's warehouse as Meshpilot can read it: a SQLite file under the home folder, built from the SQL
 * scripts in a workspace's {@code warehouse/} folder (the demo ships one), queried read-only through the
 * sandbox.
 */
package dev.meshpilot.mesh.warehouse;
