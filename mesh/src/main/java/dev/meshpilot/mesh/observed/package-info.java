/** Observed state of the warehouse: grants, physical schemas, partitions and retention. */
package dev.meshpilot.mesh.observed;
