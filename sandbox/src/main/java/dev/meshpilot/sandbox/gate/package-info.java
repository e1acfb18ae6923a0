/**
 * The gate every tool call goes through, from a playbook, a model, MCP, chat or a schedule: validate →
 * authorize → budget → run with a timeout → cap → redact → fence untrusted text → audit.
 */
package dev.meshpilot.sandbox.gate;
