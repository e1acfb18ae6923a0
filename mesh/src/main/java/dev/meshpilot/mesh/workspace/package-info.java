/**
 * Workspace loading: reads a workspace folder (see {@code docs/workspace.md}), validates every file and
 * every cross-reference, and writes it to the store in one transaction, all or nothing.
 */
package dev.meshpilot.mesh.workspace;
