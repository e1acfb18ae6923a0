/**
 * The HTTP server on Helidon SE: health, Prometheus metrics, the OpenLineage endpoint (Marquez
 * convention) and the read API. {@link dev.meshpilot.server.http.MeshpilotServer#routing} is shared by
 * {@code main} and the tests.
 */
package dev.meshpilot.server.http;
