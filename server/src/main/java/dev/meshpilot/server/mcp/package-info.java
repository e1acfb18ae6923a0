/**
 * Meshpilot over the Model Context Protocol (revision 2025-11-25), built on the MCP Java SDK: the gate's
 * tools as MCP tools, the mesh as resources ({@code mesh://...}), completion of resource-template arguments,
 * logging and progress notifications, cancellation, and one session router shared by the stdio and the
 * Streamable HTTP transports. Every tool call and every resource read runs as the caller's principal
 * through the sandbox gate.
 */
package dev.meshpilot.server.mcp;
