/**
 * The meshes cases run on: the demo workspace or a generated one, loaded once into a template (store,
 * warehouse, search index) and copied for each case that overlays it, with the gate, audit log and
 * principals an agent runs through.
 */
package dev.meshpilot.evals.mesh;
