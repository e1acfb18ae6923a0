/**
 * Who an HTTP request is for, shared by MCP at {@code /mcp} and the REST API: static bearer tokens (by their
 * SHA-256), OAuth 2.1 access tokens (JWTs checked against the issuer's keys), the explicit loopback-only
 * anonymous principal, the DNS-rebinding guard on {@code Host} and {@code Origin}, and the audit record of
 * every refusal.
 */
package dev.meshpilot.server.auth;
