/** Domains and their data products: ownership, criticality, output ports and SLOs. */
package dev.meshpilot.mesh.product;
