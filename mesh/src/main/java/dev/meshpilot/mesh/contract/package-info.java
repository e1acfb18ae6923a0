/**
 * ODCS v3 data contracts: the typed model, the parser, and validation against the official ODCS JSON
 * Schema.
 */
package dev.meshpilot.mesh.contract;
