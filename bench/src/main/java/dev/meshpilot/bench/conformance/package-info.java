/**
 * The fixtures the official MCP conformance suite ({@code @modelcontextprotocol/conformance}, server
 * scenarios of revision 2025-11-25) calls by name: {@code test_*} tools, {@code test://} resources and
 * prompts. Registered only by the conformance server ({@code meshpilot bench conformance}), next to the real tools and
 * resources; the product jar has none of them.
 */
package dev.meshpilot.bench.conformance;
