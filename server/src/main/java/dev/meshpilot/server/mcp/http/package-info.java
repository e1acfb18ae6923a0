/**
 * MCP's Streamable HTTP transport on Helidon SE: one endpoint ({@code /mcp}) for POST, GET and DELETE,
 * JSON or SSE responses, sessions bound to the principal of a bearer token, resumable SSE streams, and the
 * DNS-rebinding guard on {@code Origin} and {@code Host}.
 */
package dev.meshpilot.server.mcp.http;
