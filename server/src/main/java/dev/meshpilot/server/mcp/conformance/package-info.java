/**
 * The fixtures the official MCP conformance suite ({@code @modelcontextprotocol/conformance}, server
 * scenarios of revision 2025-11-25) calls by name: {@code test_*} tools, {@code test://} resources and
 * prompts. Registered only by {@code meshpilot serve --conformance}, next to the real tools and resources.
 */
package dev.meshpilot.server.mcp.conformance;
