/**
 * The JSON views of mesh things that every front end shares: {@link dev.meshpilot.mesh.view.ProductView} and
 * {@link dev.meshpilot.mesh.view.IncidentView} are what the tools, the MCP resources, REST and the CLI's
 * {@code --format json} return, so a product or an incident has one shape everywhere. {@link
 * dev.meshpilot.mesh.view.FreeText} and {@link dev.meshpilot.mesh.view.Nullable} mark the components of these
 * and of every tool result record: free text from the mesh (which the gate fences) and values that may be null.
 */
package dev.meshpilot.mesh.view;
