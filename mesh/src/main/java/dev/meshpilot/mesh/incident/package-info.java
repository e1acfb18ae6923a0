/** Incidents: past ones from the workspace history, new ones opened by events and alerts. */
package dev.meshpilot.mesh.incident;
