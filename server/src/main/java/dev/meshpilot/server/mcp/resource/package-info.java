/**
 * The small read tools behind MCP resources ({@code mesh://products/{id}}, {@code mesh://contracts/{id}},
 * {@code mesh://incidents/{id}}, {@code mesh://runbooks/{id}}). They run through the gate like every other
 * tool, for the front end {@code mcp-resources}, so each read is authorized (deny by default), redacted and
 * audited; they are not offered as MCP tools.
 */
package dev.meshpilot.server.mcp.resource;
