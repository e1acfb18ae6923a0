/**
 * Contract changes and the migrations they need: {@link dev.meshpilot.mesh.migration.ContractDiff} compares two
 * ODCS v3 documents property by property (renames detected, not reported as a remove plus an add), classifies
 * each change by a named {@link dev.meshpilot.mesh.migration.ChangeRule} whose severity a workspace policy may
 * override, and checks the semantic-version bump; {@link dev.meshpilot.mesh.migration.PlanWriter} turns the
 * changes into an expand/contract plan for SQLite or PostgreSQL; {@link dev.meshpilot.mesh.migration.ScratchVerifier}
 * runs that plan on a scratch SQLite database before anyone sees it. Nothing here touches a warehouse.
 */
package dev.meshpilot.mesh.migration;
