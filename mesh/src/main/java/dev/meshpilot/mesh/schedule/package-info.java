/**
 * Fire times of schedules claimed in the store with leases ({@link dev.meshpilot.mesh.schedule.FireLeases}), so
 * two processes on one store run a schedule's fire time once, and a process that dies mid-run does not block it.
 */
package dev.meshpilot.mesh.schedule;
