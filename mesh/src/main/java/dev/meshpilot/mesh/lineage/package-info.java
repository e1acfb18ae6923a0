/** Lineage: datasets and jobs from OpenLineage events, lifted to products through their output ports. */
package dev.meshpilot.mesh.lineage;
