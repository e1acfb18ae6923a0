/**
 * The HTTP server on Helidon SE: health, Prometheus metrics, the OpenLineage endpoint (Marquez
 * convention), the Alertmanager webhook and the read API, the last three behind the same bearer tokens as
 * MCP and a scope each ({@link dev.meshpilot.server.http.RestAuth}).
 */
package dev.meshpilot.server.http;
