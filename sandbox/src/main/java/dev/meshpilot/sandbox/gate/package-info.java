/**
 * The gate every tool call goes through, from a playbook, a model, MCP, chat, a schedule or the CLI:
 * {@link dev.meshpilot.sandbox.gate.Gate} (authorize → budget → run with a timeout → cap → redact → fence
 * untrusted text → audit), configured by {@link dev.meshpilot.sandbox.gate.AgentPolicy} allowlists and
 * {@link dev.meshpilot.sandbox.gate.Limits}. Everything else here is package-private machinery.
 */
package dev.meshpilot.sandbox.gate;
