/**
 * What a workspace declares for anomaly detection ({@code anomalies.yaml}): detector settings for the mesh, a
 * product or a metric, exclusion windows (backfills, holidays, migrations) and feedback on past anomalies
 * (expected, fixed), and how they are read back from the store.
 */
package dev.meshpilot.mesh.anomaly;
